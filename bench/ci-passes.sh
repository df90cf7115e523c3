#!/usr/bin/env bash
# The CI's two test passes (SQLite, PostgreSQL) run one after the other, then side by side, alternating, on one build:
# the wall time of each way, the slowest pass, what failed, and the load average. Needs the PostgreSQL server the CI
# starts (ACCOUNTABILITY_TEST_POSTGRES, as in .ci/run) and chromium.
# Usage: ACCOUNTABILITY_TEST_POSTGRES=... bench/ci-passes.sh [rounds=1] [first=sequential|side-by-side]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ACCOUNTABILITY_TEST_POSTGRES:?set it to a PostgreSQL server the tests may create databases on}"
rounds=${1:-1}
order=(sequential side-by-side)
[ "${2:-sequential}" = side-by-side ] && order=(side-by-side sequential)
dotnet build -v q -nologo >/dev/null
out=$(mktemp -d)

pass() { # way, name, then the environment for its dotnet test
  local way=$1 name=$2 start=$SECONDS; shift 2
  env "$@" dotnet test --no-build >"$out/$way-$name.log" 2>&1 || true
  echo "$name $((SECONDS - start)) s, $(grep -ho 'Failed: *[0-9]*' "$out/$way-$name.log" | awk '{f += $2} END {print f + 0}') failed"
}

run() { # way
  local start=$SECONDS load before
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ "$1" = sequential ]; then
    load=$(pass "$1" sqlite -u ACCOUNTABILITY_TEST_POSTGRES; pass "$1" postgres ACCOUNTABILITY_TEST_PROVIDER=Postgres)
  else
    pass "$1" sqlite -u ACCOUNTABILITY_TEST_POSTGRES >"$out/sqlite.line" &
    pass "$1" postgres ACCOUNTABILITY_TEST_PROVIDER=Postgres >"$out/postgres.line"
    wait
    load=$(cat "$out/sqlite.line" "$out/postgres.line")
  fi
  echo "$1: $((SECONDS - start)) s in all; $(echo "$load" | paste -sd';' -); load average $before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
}

for _ in $(seq "$rounds"); do
  for way in "${order[@]}"; do run "$way"; done
done
echo "logs: $out"
