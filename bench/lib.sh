# Shared helpers for the benchmark scripts (sourced).
# A throwaway Tegami installation under $BENCH_DIR: conf/, spool/, users u1..u100@bench.test.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/core/target/tegami.jar
PEER_SCRIPTS=${PEERS_DIR:-$ROOT/../shared/peers}
[ -d "$PEER_SCRIPTS" ] || PEER_SCRIPTS=$ROOT/../../shared/peers  # from a worktree under /work/wt

median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

# make_install DIR: a fresh installation with listeners on free loopback ports 3525/3587/...
make_install() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$dir/conf" "$dir/spool"
  cat > "$dir/conf/tegami.conf" <<CONF
hostname = bench-tegami.localdomain
domains = bench.test
spool.dir = spool
mail.dir = spool/mail
plugins.dir = ${BENCH_PLUGINS_DIR:-$ROOT/plugins}
users.file = conf/users
smtp.listen = 127.0.0.1:${BENCH_SMTP_PORT:-3525}
submission.listen =
smtps.listen =
pop3.listen =
pop3s.listen =
imap.listen =
imaps.listen =
CONF
  [ -n "${BENCH_WORKERS:-}" ] && echo "queue.workers = $BENCH_WORKERS" >> "$dir/conf/tegami.conf"
  : > "$dir/conf/users"
  for i in $(seq 1 100); do echo "u$i@bench.test:{PLAIN}pass" >> "$dir/conf/users"; done
  : > "$dir/conf/aliases"; : > "$dir/conf/virtual"; : > "$dir/conf/routes"
  printf "writer = file\nwriter.file = %s/tegami.log\nwriter.level = info\nwriter.format = {date} {level} {tag} {message}\nautoshutdown = false\n" "$dir" > "$dir/conf/tinylog.properties"
}

# start_tegami DIR: starts the server in the background, waits until it says it started; sets TEGAMI_PID
start_tegami() {
  local dir=$1
  rm -f "$dir/tegami.log"
  ${BENCH_JAVA:-java} ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-$JAR}" --conf "$dir/conf" run > "$dir/stdout.log" 2>&1 &
  TEGAMI_PID=$!
  for _ in $(seq 1 300); do
    grep -q "started: hostname" "$dir/stdout.log" "$dir/tegami.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "tegami did not start; see $dir/stdout.log" >&2; return 1
}

stop_tegami() {
  if [ -n "${TEGAMI_PID:-}" ]; then kill "$TEGAMI_PID" 2>/dev/null; wait "$TEGAMI_PID" 2>/dev/null || true; fi
  TEGAMI_PID=
}

# The JVM options the distribution's bin/tegami starts the server with (serial GC, capped
# heap, small stacks), so that load and memory figures are the ones an installation sees.
DIST_JAVA_OPTS=$(sed -n 's/^DEFAULTS="\(.*\)"$/\1/p' "$ROOT/dist/src/bin/tegami")

# listen_on DIR KEY PORT: switches one listener of a make_install installation on
listen_on() { sed -i "s/^$2 =.*\$/$2 = 127.0.0.1:$3/" "$1/conf/tegami.conf"; }

# snapshot_build DIR: copies the built server and plugin jars to DIR and points make_install
# and start_tegami at the copies, so that a rebuild during a long run leaves the server alone.
snapshot_build() {
  mkdir -p "$1/plugins"
  cp "$JAR" "$1/tegami.jar"
  cp "$ROOT"/plugins/*/target/tegami-plugin-*.jar "$1/plugins/"
  BENCH_JAR=$1/tegami.jar BENCH_PLUGINS_DIR=$1/plugins
}
