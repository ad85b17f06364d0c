#!/usr/bin/env bash
# imap-ops-bench.sh [messages] [runs] [seconds]
# IMAP operations per second on a large mailbox, Tegami and Dovecot in the same run: both get
# the same mailbox (APPENDed to Dovecot once, its Maildir folder then copied, dovecot-uidlist
# and all, into Tegami's user), then 10 client processes run header fetches,
# body fetches, SEARCHes and STOREs (bench/imap-ops.py) for SECONDS each, RUNS times,
# alternating servers. Prints per-run lines; medians are taken from them. Needs a build and
# Dovecot from ../shared/peers/setup-dovecot.sh (PEERS as given to it).
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-10000} RUNS=${2:-5} SECS=${3:-6}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/imap-ops
HERE=$(cd "$(dirname "$0")" && pwd)
DOVECOT_PID=$(cat "${PEERS:-$HOME/peers}/dovecot/run/master.pid")

make_install "$WORK"
sed -i 's/^imap.listen =$/imap.listen = 127.0.0.1:3143/' "$WORK/conf/tegami.conf"
start_tegami "$WORK"
trap stop_tegami EXIT
MB=ops-$$
python3 "$PEER_SCRIPTS/imap-fetch-load.py" --port 10143 --user u1 --password pass --mailbox "$MB" --append "$N" -k 1 -t 1 | head -1
mkdir -p "$WORK/spool/mail/bench.test/u1"
cp -a "${PEERS:-$HOME/peers}/dovecot/mail/u1/.$MB" "$WORK/spool/mail/bench.test/u1/"
python3 "$HERE/imap-ops.py" --port 3143 --user u1@bench.test --password pass --mailbox "$MB" -k 10 -t 3 > /dev/null  # warm-up
for r in $(seq 1 "$RUNS"); do
  python3 "$HERE/imap-ops.py" --port 3143 --user u1@bench.test --password pass --mailbox "$MB" -k 10 -t "$SECS" --server-pid "$TEGAMI_PID" | sed "s/^/tegami  run $r /"
  python3 "$HERE/imap-ops.py" --port 10143 --user u1 --password pass --mailbox "$MB" -k 10 -t "$SECS" --server-pid "$DOVECOT_PID" | sed "s/^/dovecot run $r /"
done
python3 "$PEER_SCRIPTS/imap-fetch-load.py" --port 10143 --user u1 --password pass --mailbox "$MB" -k 1 -t 1 --delete-after >/dev/null || true
