#!/usr/bin/env bash
# delivery-bench.sh [messages] [runs]
# Spool-to-Maildir delivery throughput with fsync on: N message files are prepared on the same
# file system, renamed into spool/incoming/ at once while the server runs, and the clock stops
# when all N are in the Maildirs. 1 KB and 100 KB messages, median of the runs.
# Needs a build: mvn -q package -DskipTests
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-2000} RUNS=${2:-5}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/delivery

one_run() {  # size -> msg/s
  local size=$1
  make_install "$WORK"
  start_tegami "$WORK"
  mkdir -p "$WORK/spool/stage"
  local body; body=$(head -c "$size" /dev/zero | tr '\0' 'x' | fold -w 76)
  for i in $(seq 1 "$N"); do
    u=$(( (i - 1) % 100 + 1 ))
    printf 'X-Envelope-From: <sender@bench.test>\nX-Envelope-To: <u%d@bench.test>\nFrom: sender@bench.test\nTo: u%d@bench.test\nSubject: bench %d\n\n%s\n' \
      "$u" "$u" "$i" "$body" > "$WORK/spool/stage/m$i"
  done
  local t0 t1 c
  t0=$(date +%s.%N)
  for f in "$WORK"/spool/stage/*; do mv "$f" "$WORK/spool/incoming/"; done
  while :; do
    c=$(find "$WORK/spool/mail" -type f \( -path '*/new/*' -o -path '*/cur/*' \) 2>/dev/null | wc -l)
    [ "$c" -ge "$N" ] && break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  stop_tegami
  awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f\n", n/(b-a)}'
}

for size in 1024 102400; do
  rates=()
  for r in $(seq 1 "$RUNS"); do rates+=("$(one_run "$size")"); done
  echo "delivery ${size}B: runs ${rates[*]} msg/s; median $(printf '%s\n' "${rates[@]}" | median) msg/s"
done
