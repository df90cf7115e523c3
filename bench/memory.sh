#!/usr/bin/env bash
# Idle memory: the bot beside the smallest apps on its required stack (bench/AccountabilityBot.MemoryFloor: ASP.NET
# Core alone, plus EF Core on SQLite, plus a Hangfire server), all published the same way (ReadyToRun, shared
# framework), each started on a new database and read 10 s after its first answer.
# Usage: bench/memory.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/AccountabilityBot.Web/bin/Release/net10.0/publish-r2r
flags=(-c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -v q -nologo)
rm -rf "$out" src/AccountabilityBot.Web/obj/Release/net10.0/*/R2R # see slack-load.sh
dotnet publish src/AccountabilityBot.Web "${flags[@]}" -o "$out" >/dev/null
for stack in aspnet ef full; do
  # a clean build each: the three differ only in a property that incremental builds and restores do not track
  dir=bench/AccountabilityBot.MemoryFloor/bin/publish-$stack
  rm -rf "$dir" bench/AccountabilityBot.MemoryFloor/obj
  dotnet publish bench/AccountabilityBot.MemoryFloor "${flags[@]}" -p:Stack=$stack -o "$dir" >/dev/null
done
dotnet build bench/AccountabilityBot.SlackLoad -c Release -v q -nologo >/dev/null
dotnet bench/AccountabilityBot.SlackLoad/bin/Release/net10.0/AccountabilityBot.SlackLoad.dll memory "${1:-3}"
