#!/usr/bin/env bash
# footprint.sh [runs] [idle-seconds]
# Start-to-banner time and idle memory of Tegami from the distribution archive against
# Postfix and Dovecot (the peers), measured the same way: the start command runs, a client
# tries to connect every millisecond until it reads the banner (SMTP 220 for Tegami and
# Postfix, IMAP "* OK" for Dovecot); after idle-seconds (default 20) the RSS and PSS of the
# server's whole process tree are read with the peers' rss.sh; then it is stopped. Medians
# of `runs` (default 5) rounds, the servers taking turns. Tegami runs bin/tegami run with its
# default configuration (all seven listeners, TLS) moved to ports 65xx/61xx/69xx; one
# unmeasured first start makes its self-signed certificate (and records its class-data sharing
# archive when it stops, which the measured starts then map). Postfix is `postfix start` with
# /etc/postfix as ../shared/peers/setup-postfix.sh left it (SMTP 127.0.0.1:10025); Dovecot is
# `dovecot -c $PEERS/dovecot/dovecot.conf` (IMAP 10143, POP3 10110). A peer already running
# (someone else's) is left alone and not measured. The peers are stopped at the end.
# FOOTPRINT_PEERS=0 measures Tegami alone (e.g. before and after a change of its own);
# FOOTPRINT_ARCHIVE=path.tar.gz measures another build than dist/target/tegami-*.tar.gz;
# FOOTPRINT_BEFORE=path.tar.gz measures that build too, as "tegami-before", taking turns with it.
# Needs: mvn -q -o -B package -DskipTests (dist/target/tegami-*.tar.gz), the peers set up
# (PEERS=/var/tmp/peers setup-postfix.sh and setup-dovecot.sh), root.
set -eu
. "$(dirname "$0")/lib.sh"
RUNS=${1:-5} IDLE=${2:-20}
PEERS=${PEERS:-/var/tmp/peers}
DOVECOT_CONF=$PEERS/dovecot/dovecot.conf
ARCHIVE=${FOOTPRINT_ARCHIVE:-$(ls "$ROOT"/dist/target/tegami-*.tar.gz | head -1)}
WORK=$(mktemp -d /tmp/tegami-footprint.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# unpack ARCHIVE FOLDER: the installation, listeners moved to the 65xx/61xx/69xx ports; prints its root
unpack() {
  mkdir -p "$WORK/$2"
  tar xzf "$1" -C "$WORK/$2"
  local t
  t=$(echo "$WORK/$2"/tegami-*)
  sed -i -e 's/^smtp.listen = .*/smtp.listen = 127.0.0.1:6525/' \
    -e 's/^submission.listen = .*/submission.listen = 127.0.0.1:6587/' \
    -e 's/^smtps.listen = .*/smtps.listen = 127.0.0.1:6465/' \
    -e 's/^pop3.listen = .*/pop3.listen = 127.0.0.1:6110/' \
    -e 's/^pop3s.listen = .*/pop3s.listen = 127.0.0.1:6995/' \
    -e 's/^imap.listen = .*/imap.listen = 127.0.0.1:6143/' \
    -e 's/^imaps.listen = .*/imaps.listen = 127.0.0.1:6993/' "$t/conf/tegami.conf"
  echo "$t"
}
# spec NAME ROOT: footprint.py's description of a Tegami installation
spec() {
  printf '{"name": "%s", "start": ["%s/bin/tegami", "run"], "port": 6525, "banner": "220 ",
  "pids": "echo {pid}", "stop": "kill {pid}"}' "$1" "$2"
}
# first_start SPEC: the unmeasured first start (makes the TLS certificate and the class-data archive)
first_start() {
  python3 "$(dirname "$0")/footprint.py" "[$1]" 1 1 "$PEER_SCRIPTS/rss.sh" | sed -n 1p
}
options() { sed -n 's/^DEFAULTS="\(.*\)"$/\1/p' "$1/bin/tegami"; }

T=$(unpack "$ARCHIVE" now)
listening() { ss -ltn "sport = :$1" | grep -q LISTEN; }
tegami=$(spec tegami "$T")
specs="$tegami"
if [ -n "${FOOTPRINT_BEFORE:-}" ]; then
  B=$(unpack "$FOOTPRINT_BEFORE" before)
  before=$(spec tegami-before "$B")
  specs="$specs, $before"
fi
if [ "${FOOTPRINT_PEERS:-1}" = 0 ]; then echo "FOOTPRINT_PEERS=0: Postfix and Dovecot not measured"
elif listening 10025; then echo "postfix is running already (someone else's): not measured"
elif command -v postfix >/dev/null; then
  specs="$specs, "'{"name": "postfix", "start": ["postfix", "start"], "port": 10025, "banner": "220 ",
    "pids": "awk \"{print \\$1}\" /var/spool/postfix/pid/master.pid", "stop": "postfix stop"}'
fi
if [ "${FOOTPRINT_PEERS:-1}" = 0 ]; then :
elif listening 10143; then echo "dovecot is running already (someone else's): not measured"
elif [ -f "$DOVECOT_CONF" ]; then
  specs="$specs, "'{"name": "dovecot", "start": ["dovecot", "-c", "'"$DOVECOT_CONF"'"], "port": 10143,
    "banner": "* OK", "pids": "cat '"$PEERS"'/dovecot/run/master.pid", "stop": "dovecot -c '"$DOVECOT_CONF"' stop"}'
fi
echo "footprint: $RUNS runs, ${IDLE} s idle; $(java -version 2>&1 | head -1); $(postconf -h mail_version 2>/dev/null | sed 's/^/postfix /'); $(dovecot --version 2>/dev/null | sed 's/^/dovecot /')"
echo "tegami from $(basename "$ARCHIVE"), JVM options of its bin/tegami: $(options "$T")"
[ -z "${FOOTPRINT_BEFORE:-}" ] || echo "tegami-before from $(basename "$FOOTPRINT_BEFORE"), JVM options of its bin/tegami: $(options "$B")"
echo "first start of the unpacked archive (makes the TLS certificate and the class-data archive; not counted):"
first_start "$tegami"
[ -z "${FOOTPRINT_BEFORE:-}" ] || first_start "$before"
python3 "$(dirname "$0")/footprint.py" "[$specs]" "$RUNS" "$IDLE" "$PEER_SCRIPTS/rss.sh"
