#!/usr/bin/env bash
# Customer data at scale on SQLite: generate 1,000,000 events for 100,000 customers over three years, import them,
# then compose the weekly review on that data. Import and review run as separate processes so each reports its own
# peak resident memory (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
dotnet build -c Release -v q bench/AccountabilityBot.CustomerBench >/dev/null
bench="dotnet bench/AccountabilityBot.CustomerBench/bin/Release/net10.0/AccountabilityBot.CustomerBench.dll"
rm -f "$work"/bench.db*
$bench generate "$work/events.csv"
/usr/bin/time -f "import process: %e s wall, %U s user, %S s system, %M KB peak RSS" $bench import "$work/events.csv" "$work/bench.db"
/usr/bin/time -f "review process: %e s wall, %M KB peak RSS" $bench review "$work/bench.db" 50
echo "data left in $work"
