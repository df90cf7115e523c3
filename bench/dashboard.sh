#!/usr/bin/env bash
# The dashboard's read pages on bench/customers.sh's million customer events (SQLite): a new database with the demo's
# records and a busy frontline (100,000 resolutions over twelve weeks), the million events imported on top, then each
# page's server time (p50/p95; the real host in process, no network), its weight and any reference to another origin.
# Usage: bench/dashboard.sh [work folder] [runs] [resolutions]. Reuses the work folder's events.csv and the database it
# built before (delete WORK/dashboard to build it again).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/customers}"
mkdir -p "$work"
dotnet build -c Release -v q bench/AccountabilityBot.CustomerBench >/dev/null
dotnet build -c Release -v q bench/AccountabilityBot.DashboardBench >/dev/null
customers="dotnet bench/AccountabilityBot.CustomerBench/bin/Release/net10.0/AccountabilityBot.CustomerBench.dll"
dashboard="dotnet bench/AccountabilityBot.DashboardBench/bin/Release/net10.0/AccountabilityBot.DashboardBench.dll"
[ -f "$work/events.csv" ] || $customers generate "$work/events.csv"
data="$work/dashboard"
if [ ! -f "$data/accountability.db" ]; then
  mkdir -p "$data"
  $dashboard seed "$data" "${3:-100000}"
  $customers import "$work/events.csv" "$data/accountability.db"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$dashboard pages "$data" "${2:-50}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
