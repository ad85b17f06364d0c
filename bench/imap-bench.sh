#!/usr/bin/env bash
# imap-bench.sh [messages] [runs] [seconds]
# IMAP fetch load on Tegami and Dovecot in the same run, with the peers' imap-fetch-load.py:
# 10 parallel clients, each looping FETCH 1:* (FLAGS UID RFC822.SIZE) and 10 random
# BODY.PEEK[]; both servers get the same generated mailbox (APPENDed once, 4 KB messages).
# Prints ops/s and server CPU ms per op, medians of the runs, and the ratios. Needs a build
# (mvn -q package -DskipTests) and Dovecot from ../shared/peers/setup-dovecot.sh.
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-2000} RUNS=${2:-3} SECS=${3:-15}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/imap
LOADPY=$PEER_SCRIPTS/imap-fetch-load.py
DOVECOT_PID=$(cat "${PEERS:-$HOME/peers}/dovecot/run/master.pid")

make_install "$WORK"
sed -i 's/^imap.listen =$/imap.listen = 127.0.0.1:3143/' "$WORK/conf/tegami.conf"
start_tegami "$WORK"
trap stop_tegami EXIT
MB=bench-$$
python3 "$LOADPY" --port 3143 --user u1@bench.test --password pass --mailbox "$MB" --append "$N" -k 1 -t 1 >/dev/null
python3 "$LOADPY" --port 10143 --user u1 --password pass --mailbox "$MB" --append "$N" -k 1 -t 1 >/dev/null

# "imap-fetch-load: 8353.5 ops/s (760.3 list + 7593.3 body), ...; server cpu 2.10s = 0.125 ms/op"
ops() { sed -n 's/^imap-fetch-load: \([0-9.]*\) ops\/s.*/\1/p' | head -1; }
cpu() { sed -n 's/.*= *\([0-9.]*\) ms\/op.*/\1/p' | head -1; }
to=(); tc=(); do_=(); dc=()
for r in $(seq 1 "$RUNS"); do
  out=$(python3 "$LOADPY" --port 3143 --user u1@bench.test --password pass --mailbox "$MB" -k 10 -t "$SECS" --server-pid "$TEGAMI_PID")
  to+=("$(echo "$out" | ops)"); tc+=("$(echo "$out" | cpu)")
  echo "  tegami  run $r: $(echo "$out" | grep '^imap-fetch-load:')"
  out=$(python3 "$LOADPY" --port 10143 --user u1 --password pass --mailbox "$MB" -k 10 -t "$SECS" --server-pid "$DOVECOT_PID")
  do_+=("$(echo "$out" | ops)"); dc+=("$(echo "$out" | cpu)")
  echo "  dovecot run $r: $(echo "$out" | grep '^imap-fetch-load:')"
done
python3 "$LOADPY" --port 10143 --user u1 --password pass --mailbox "$MB" -k 1 -t 1 --delete-after >/dev/null || true
a=$(printf '%s\n' "${to[@]}" | median); b=$(printf '%s\n' "${do_[@]}" | median)
c=$(printf '%s\n' "${tc[@]}" | median); d=$(printf '%s\n' "${dc[@]}" | median)
awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN{printf "imap fetch load, 10 clients: tegami %s / dovecot %s ops/s (ratio %.2f); server cpu tegami %s / dovecot %s ms/op (ratio %.2f)\n", a, b, a/b, c, d, c/d}'
