#!/usr/bin/env bash
# Slack slash-command load: publishes the bot in Release as a server is deployed (ReadyToRun: precompiled, so start-up
# does not wait for the JIT), builds the driver, then runs it (see its Program.cs).
# Usage: bench/slack-load.sh [seconds=10] [concurrencies=32,128], or bench/slack-load.sh starts [rounds=5] (first answers only)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/AccountabilityBot.Web/bin/Release/net10.0/publish-r2r
rm -rf "$out" # a clean folder: publish keeps a file already there that looks newer than the build's
dotnet publish src/AccountabilityBot.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o "$out" -v q -nologo >/dev/null
dotnet build bench/AccountabilityBot.SlackLoad -c Release -v q -nologo >/dev/null
dotnet bench/AccountabilityBot.SlackLoad/bin/Release/net10.0/AccountabilityBot.SlackLoad.dll "${1:-10}" "${2:-32,128}"
