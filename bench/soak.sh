#!/usr/bin/env bash
# soak.sh [minutes]
# Soak test: steady mixed traffic for N minutes (default 20) against one Tegami started from
# the repository build with the distribution's JVM options: SMTP submissions (~3 msg/s), IMAP
# sessions (login, select, fetch, store flags, expunge, a short IDLE, logout; ~1/s) and POP3
# sessions (retr, dele; ~0.5/s). Every minute (SOAK_SAMPLE seconds; 20 s for runs under 6
# minutes) it samples the server's VmRSS, open file descriptors, threads, and heap and
# metaspace after a full GC (jcmd GC.run + jstat). Prints the table and a verdict: the
# medians of the last third of the samples against the first third may grow at most 20%
# (+5 for fds and threads, +4 MB for the heap), every accepted message must be delivered
# once, and no client may see an error. The first third holds the JIT's warm-up, which grows
# RSS by 10-20% on its own; the heap after GC is the sharper leak signal. The RSS trend of
# the second half is printed for the record. Exit status 0 when flat. Ports 4525/4143/4110.
# cpu_% is the server's CPU over each interval (100 = one core), the forced GC excluded.
# Needs a build: mvn -q -o -B package -DskipTests
set -eu
. "$(dirname "$0")/lib.sh"
MINUTES=${1:-20}
SAMPLE=${SOAK_SAMPLE:-$(awk -v m="$MINUTES" 'BEGIN{print (m < 6) ? 20 : 60}')}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/soak
snapshot_build "$WORK.build"
BENCH_SMTP_PORT=4525 make_install "$WORK"
listen_on "$WORK" imap.listen 4143
listen_on "$WORK" pop3.listen 4110
BENCH_JAVA_OPTS="$DIST_JAVA_OPTS ${BENCH_JAVA_OPTS:-}" start_tegami "$WORK"
trap stop_tegami EXIT
echo "soak: $MINUTES min, a sample every $SAMPLE s, server pid $TEGAMI_PID, $(java -version 2>&1 | head -1)"
echo "      JVM options: $DIST_JAVA_OPTS ${BENCH_JAVA_OPTS:-}"
python3 "$(dirname "$0")/soak.py" --pid "$TEGAMI_PID" --mail-root "$WORK/spool/mail" \
  --minutes "$MINUTES" --sample "$SAMPLE" --smtp 4525 --imap 4143 --pop3 4110
