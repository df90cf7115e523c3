#!/usr/bin/env bash
# Customer data at scale on SQLite: generate 1,000,000 events for 100,000 customers over three years, import them,
# then compose the weekly review on that data. Import and review run as separate processes so each reports its own
# peak resident memory (VmHWM).
# Usage: bench/customers.sh [work folder], or bench/customers.sh [work folder] postgres: the same on PostgreSQL (on the
# server bench/postgres.sh names or starts; the CSV in the work folder is reused when it is there).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
dotnet build -c Release -v q bench/AccountabilityBot.CustomerBench >/dev/null
bench="dotnet bench/AccountabilityBot.CustomerBench/bin/Release/net10.0/AccountabilityBot.CustomerBench.dll"
[ -f "$work/events.csv" ] || $bench generate "$work/events.csv"
if [ "${2:-}" = postgres ]; then
  . bench/postgres.sh
  database="abot_customers_$$"
  psql "$(echo "$ABOT_BENCH_POSTGRES" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/') dbname=postgres" \
    -qc "CREATE DATABASE $database"
  db="$ABOT_BENCH_POSTGRES;Database=$database"
else
  rm -f "$work"/bench.db*
  db="$work/bench.db"
fi
/usr/bin/time -f "import process: %e s wall, %U s user, %S s system, %M KB peak RSS" $bench import "$work/events.csv" "$db"
/usr/bin/time -f "review process: %e s wall, %M KB peak RSS" $bench review "$db" 50
echo "data left in $work${database:+ and in the PostgreSQL database $database}"
