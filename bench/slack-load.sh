#!/usr/bin/env bash
# Slack slash-command load: builds the bot and the driver in Release, then runs the driver (see its Program.cs).
# Usage: bench/slack-load.sh [seconds=10] [concurrencies=32,128]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/AccountabilityBot.Web -c Release -v q -nologo >/dev/null
dotnet build bench/AccountabilityBot.SlackLoad -c Release -v q -nologo >/dev/null
dotnet bench/AccountabilityBot.SlackLoad/bin/Release/net10.0/AccountabilityBot.SlackLoad.dll "${1:-10}" "${2:-32,128}"
