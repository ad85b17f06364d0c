#!/usr/bin/env bash
# smtp-bench.sh [messages] [runs]
# SMTP acceptance and end-to-end (in the Maildir) throughput of Tegami and Postfix in the same
# run, 4 KB messages, fsync on, 1, 10 and 50 parallel sessions, each run alternating the two
# servers; prints medians and the Tegami/Postfix ratio. Both servers stay up across runs, as
# a mail server does: Tegami gets one warm-up run of 3000 messages first (JIT), not counted. Needs a build (mvn -q package
# -DskipTests) and Postfix set up by ../shared/peers/setup-postfix.sh (run as root).
set -eu
. "$(dirname "$0")/lib.sh"
N=${1:-2000} RUNS=${2:-5}
WORK=${BENCH_DIR:-/tmp/tegami-bench}/smtp
PF_MAIL=${POSTFIX_MAIL_ROOT:-${PEERS:-$HOME/peers}/postfix/mail}
LOAD=$PEER_SCRIPTS/smtp-load.sh

# "accepted 2000 msgs in 2.3s (846.4 msg/s); delivered in 2.4s (832.3 msg/s)"
field() { sed -n "s/.*$1[ 0-9a-z]* in [0-9.]*s (\([0-9.]*\) msg\/s).*/\1/p"; }

make_install "$WORK"; mkdir -p "$WORK/spool/mail"
start_tegami "$WORK"
trap stop_tegami EXIT
"$LOAD" 127.0.0.1 "${BENCH_SMTP_PORT:-3525}" "$WORK/spool/mail" 3000 10 4096 > /dev/null
for sessions in 1 10 50; do
  ta=(); te=(); pa=(); pe=()
  for r in $(seq 1 "$RUNS"); do
    out=$(SERVER_PID=$TEGAMI_PID "$LOAD" 127.0.0.1 "${BENCH_SMTP_PORT:-3525}" "$WORK/spool/mail" "$N" "$sessions" 4096)
    echo "  tegami  s=$sessions run $r: $out"
    ta+=("$(echo "$out" | field accepted)"); te+=("$(echo "$out" | field delivered)")
    find "$PF_MAIL" -type f -delete 2>/dev/null || true
    out=$("$LOAD" 127.0.0.1 10025 "$PF_MAIL" "$N" "$sessions" 4096)
    echo "  postfix s=$sessions run $r: $out"
    pa+=("$(echo "$out" | field accepted)"); pe+=("$(echo "$out" | field delivered)")
  done
  mta=$(printf '%s\n' "${ta[@]}" | median); mte=$(printf '%s\n' "${te[@]}" | median)
  mpa=$(printf '%s\n' "${pa[@]}" | median); mpe=$(printf '%s\n' "${pe[@]}" | median)
  awk -v s="$sessions" -v ta="$mta" -v te="$mte" -v pa="$mpa" -v pe="$mpe" 'BEGIN{
    printf "sessions %2d: accepted tegami %s / postfix %s msg/s (ratio %.2f); in Maildir tegami %s / postfix %s msg/s (ratio %.2f)\n",
      s, ta, pa, ta/pa, te, pe, te/pe }'
done
