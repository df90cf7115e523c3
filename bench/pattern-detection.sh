#!/usr/bin/env bash
# Frontline pattern detection over 1,000,000 resolutions on SQLite; prints the run times and the load average.
# Usage: bench/pattern-detection.sh [resolutions=1000000] [days=365] [runs=7]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q bench/AccountabilityBot.PatternBench >/dev/null
dotnet bench/AccountabilityBot.PatternBench/bin/Release/net10.0/AccountabilityBot.PatternBench.dll "$@"
