#!/usr/bin/env bash
# pop3-bench.sh [messages] [runs]
# POP3 RETR throughput of Tegami and Dovecot in the same run: the same generated mailbox
# (APPENDed over IMAP into each server's INBOX, 4 KB messages) downloaded whole by one
# poplib client, median of the runs; Tegami gets three warm-up downloads first (JIT). Needs a build and Dovecot from
# ../shared/peers/setup-dovecot.sh (PEERS as given to it).
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-1000} RUNS=${2:-5}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/pop3
HERE=$(cd "$(dirname "$0")" && pwd)

make_install "$WORK"
sed -i 's/^imap.listen =$/imap.listen = 127.0.0.1:3143/; s/^pop3.listen =$/pop3.listen = 127.0.0.1:3110/' "$WORK/conf/tegami.conf"
echo "pop3.allow-plaintext = true" >> "$WORK/conf/tegami.conf"
echo "pop3.mail-dir = spool/mail" >> "$WORK/conf/tegami.conf"
start_tegami "$WORK"
trap stop_tegami EXIT
python3 "$PEER_SCRIPTS/imap-fetch-load.py" --port 3143 --user u2@bench.test --password pass --mailbox INBOX --append "$N" -k 1 -t 1 >/dev/null
python3 "$PEER_SCRIPTS/imap-fetch-load.py" --port 10143 --user u2 --password pass --mailbox INBOX --append "$N" -k 1 -t 1 >/dev/null
python3 "$HERE/pop3-retr.py" 127.0.0.1 3110 u2@bench.test pass 3 >/dev/null   # JIT warm-up, not counted
echo "tegami:";  python3 "$HERE/pop3-retr.py" 127.0.0.1 3110 u2@bench.test pass "$RUNS"
echo "dovecot:"; python3 "$HERE/pop3-retr.py" 127.0.0.1 10110 u2 pass "$RUNS"
