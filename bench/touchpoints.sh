#!/usr/bin/env bash
# The touchpoint watch over 100 touchpoints × 3 years of daily values on SQLite; prints the run times and the load average.
# Usage: bench/touchpoints.sh [touchpoints=100] [days=1095] [runs=7]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q bench/AccountabilityBot.TouchpointBench >/dev/null
dotnet bench/AccountabilityBot.TouchpointBench/bin/Release/net10.0/AccountabilityBot.TouchpointBench.dll "$@"
