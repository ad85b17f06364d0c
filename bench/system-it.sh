#!/usr/bin/env bash
# Runs some of the system tests (the packaged server as processes) by class name pattern,
# building what they need first; the Reliability table of the README names one per row.
#   bench/system-it.sh 'org.tegami.system.attack.**'
#   bench/system-it.sh KillUnderLoadIT
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: bench/system-it.sh CLASS-PATTERN" >&2; exit 64; }
exec mvn -B -ntp -pl system-tests -am verify -Dtest=none -Dit.test="$1" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
