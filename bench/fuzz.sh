#!/usr/bin/env bash
# fuzz.sh [seconds-per-target] [filter]
# Coverage-guided fuzzing of every @FuzzTest target (Jazzer) in core and the plugins, one
# after another, one JVM each (Jazzer fuzzes one target per JVM). A normal `mvn verify` only
# replays each target's seeds; this script lets libFuzzer explore from them.
#
#   bench/fuzz.sh            5 s per target (the CI run)
#   bench/fuzz.sh 300        5 minutes per target
#   bench/fuzz.sh 60 Smtp    only targets whose Class#method matches the regex "Smtp"
#
# Prints per target: executions, coverage (cov: edges, ft: features), corpus size and the
# finding if any. A finding's input is written next to the seeds, in
# <module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-*, so the next build
# replays it: fix the parser, keep the file. The growing corpus is kept in
# <module>/.cifuzz-corpus/ (not committed) and reused by later runs; logs go to
# <module>/target/fuzz/. Exits 1 when any target found something. Set MVN="mvn -o" to build
# offline, FUZZ_NO_BUILD=1 to reuse the last build, FUZZ_JAVA_OPTS for the JVM.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PER_TARGET=${1:-5}
FILTER=${2:-}
MODULES="core plugins/smtp plugins/pop3 plugins/imap plugins/routing"
cd "$ROOT"

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  # test-compile in one reactor: the plugins see core's classes and test classes as directories
  ${MVN:-mvn} -q -B -am -pl "$(echo $MODULES | tr ' ' ',')" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
fi

# Short runs gain more from a fast start than from the optimising compiler.
if [ "$PER_TARGET" -le 30 ]; then JIT=-XX:TieredStopAtLevel=1; else JIT=; fi
JAVA_OPTS=${FUZZ_JAVA_OPTS:--Xmx512m $JIT}
# Sanitizers for injection into SQL, LDAP, JNDI, scripts, XPath and the like: none of that is
# reachable from our parsers, and loading their hooks slows every start.
S=com.code_intelligence.jazzer.sanitizers
DISABLED=$S.ClojureLangHooks:$S.Deserialization:$S.ExpressionLanguageInjection:$S.LdapInjection
DISABLED=$DISABLED:$S.NamingContextLookup:$S.ReflectiveCall:$S.ScriptEngineInjection
DISABLED=$DISABLED:$S.ServerSideRequestForgery:$S.SqlInjection:$S.XPathInjection

# "module class method" for each @FuzzTest method (the annotation sits on the line above it)
targets() {
  for m in $MODULES; do
    grep -rl --include='*FuzzTest.java' '^ *@FuzzTest' "$m/src/test/java" | sort | while read -r f; do
      cls=$(echo "${f#"$m"/src/test/java/}" | sed 's/\.java$//; s#/#.#g')
      grep -A1 '^ *@FuzzTest' "$f" | sed -n 's/^ *void \([A-Za-z0-9_]*\)(.*/\1/p' \
        | while read -r method; do echo "$m $cls $method"; done
    done
  done
}

failed=0
total_start=$(date +%s)
printf '%-62s %10s %6s %6s %7s  %s\n' "target" "execs" "cov" "ft" "seconds" "result"
while read -r module cls method; do
  name="${cls##*.}#$method"
  if [ -n "$FILTER" ] && ! echo "$name" | grep -Eq -- "$FILTER"; then
    continue
  fi
  mkdir -p "$module/target/fuzz"
  log="$module/target/fuzz/${cls##*.}.$method.log"
  start=$(date +%s)
  status=0
  (cd "$module" && timeout $((PER_TARGET + 300)) java $JAVA_OPTS \
      -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
      com.code_intelligence.jazzer.Jazzer --target_class="$cls" --target_method="$method" \
      --instrumentation_includes='org.tegami.**' --custom_hook_includes='org.tegami.**' \
      --disabled_hooks="$DISABLED" -max_total_time="$PER_TARGET" -timeout=10 -print_final_stats=1 \
      > "target/fuzz/${cls##*.}.$method.log" 2>&1) || status=$?
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    failed=1
    what=$(grep -m1 -E '^== Java Exception|^==[0-9]+== ERROR|ERROR: libFuzzer' "$log" || true)
    where=$(grep -m1 -oE '(Test unit written to|Crash file:|reproducer .*written to) .*' "$log" || true)
    result="FINDING (exit $status) ${what:-see $log} ${where}"
  fi
  printf '%-62s %10s %6s %6s %7s  %s\n' "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$took" "$result"
done < <(targets)
echo "total $(($(date +%s) - total_start)) s; logs in <module>/target/fuzz/"
exit $failed
