#!/usr/bin/env bash
# The weekly review fanned out by real bot processes: one on SQLite, one on PostgreSQL, two on one PostgreSQL database,
# against one rate-limited fake Slack (bench/AccountabilityBot.CadenceBench, mode "instances").
# Usage: bench/fanout.sh [channels=500] [Slack:WorkspacePostsPerMinute=300] [latencyMs=50] [configs=sqlite,postgres,postgres2] [rounds=1]
#   [the fake Slack's workspace rate, by default the bot's]
# PostgreSQL: the server bench/postgres.sh names or starts.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
dotnet build -c Release -v q bench/AccountabilityBot.CadenceBench >/dev/null
uptime
dotnet bench/AccountabilityBot.CadenceBench/bin/Release/net10.0/AccountabilityBot.CadenceBench.dll instances "$@"
uptime
