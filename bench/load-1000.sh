#!/usr/bin/env bash
# load-1000.sh [clients]
# Connection load on one Tegami started from the repository build with the distribution's
# JVM options: N (default 1000) IMAP clients in IDLE from 127.0.0.1 and, while they idle, N
# SMTP sessions from 127.0.0.2 (EHLO, MAIL, RCPT, DATA with a small message; all N open
# together after their 250, then QUIT). Limits: net.max-connections = 2N, per address N, so
# nothing may be refused below them; one more connection from 127.0.0.1 (per-address limit)
# and from 127.0.0.3 (total limit) must read a clear refusal (SMTP 421, IMAP * BYE) and be
# closed. Checks that all N messages land in the Maildirs once and that every IDLE client
# sees its new mail; prints timings, server thread / fd / RSS peaks. Exit status 0 on pass.
# LOAD_JAVA=/path/to/java runs the server on another JVM (e.g. 21+ for virtual threads).
# Ports 5525 (SMTP), 5143 (IMAP). Needs a build: mvn -q -o -B package -DskipTests
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-1000}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/load
snapshot_build "$WORK.build"
BENCH_SMTP_PORT=5525 make_install "$WORK"
listen_on "$WORK" imap.listen 5143
printf 'net.max-connections = %d\nnet.max-connections-per-ip = %d\n' $((2 * N)) "$N" >> "$WORK/conf/tegami.conf"
JAVA=${LOAD_JAVA:-java}
BENCH_JAVA=$JAVA BENCH_JAVA_OPTS="$DIST_JAVA_OPTS ${BENCH_JAVA_OPTS:-}" start_tegami "$WORK"
trap stop_tegami EXIT
echo "load: $N IMAP IDLE + $N SMTP, server pid $TEGAMI_PID on $("$JAVA" -version 2>&1 | head -1)"
echo "      JVM options: $DIST_JAVA_OPTS ${BENCH_JAVA_OPTS:-}; limits: total $((2 * N)), per address $N"
echo "      idle before the load: threads $(awk '/^Threads/{print $2}' /proc/$TEGAMI_PID/status)," \
  "$("$PEER_SCRIPTS/rss.sh" "$TEGAMI_PID")"
overflows() { awk '/^TcpExt:/ { if (!h) { for (i = 1; i <= NF; i++) k[i] = $i; h = 1 } else for (i = 1; i <= NF; i++) if (k[i] == "ListenOverflows") print $i }' /proc/net/netstat; }
before=$(overflows)
status=0
python3 "$(dirname "$0")/load-1000.py" --pid "$TEGAMI_PID" --mail-root "$WORK/spool/mail" -n "$N" --smtp 5525 --imap 5143 || status=$?
echo "kernel accept-queue overflows during the run (whole machine): $(( $(overflows) - before ))"
exit $status
