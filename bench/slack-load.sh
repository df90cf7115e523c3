#!/usr/bin/env bash
# Slack slash-command load: publishes the bot in Release as a server is deployed (ReadyToRun: precompiled, so start-up
# does not wait for the JIT), builds the driver, then runs it (see its Program.cs).
# Usage: bench/slack-load.sh [seconds=10] [concurrencies=32,128], or bench/slack-load.sh starts [rounds=5] (first answers only)
#        bench/slack-load.sh providers [seconds=10] [concurrencies=32,128] [rounds=2]: SQLite, PostgreSQL, and two
#        instances on PostgreSQL, alternating, on the server bench/postgres.sh names or starts.
# BOT_PUBLISH=composite publishes self-contained, the framework and the bot precompiled together (composite
# ReadyToRun): about 0.15 s faster to the first answer, 14 MB more resident memory, a two-minute publish.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/AccountabilityBot.Web/bin/Release/net10.0/publish-r2r
case "${BOT_PUBLISH:-shared}" in
  shared) flags=(--self-contained false -p:PublishReadyToRun=true) ;;
  composite) flags=(--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
  *) echo "BOT_PUBLISH is 'shared' (the default) or 'composite'" >&2; exit 2 ;;
esac
rm -rf "$out" # a clean folder: publish keeps a file already there that looks newer than the build's
# and no precompiled images from the other mode: a composite publish leaves stubs there that point at its composite
# image, and a shared publish that reused them would abort at start-up
rm -rf src/AccountabilityBot.Web/obj/Release/net10.0/*/R2R
dotnet publish src/AccountabilityBot.Web -c Release --use-current-runtime "${flags[@]}" -o "$out" -v q -nologo >/dev/null
dotnet build bench/AccountabilityBot.SlackLoad -c Release -v q -nologo >/dev/null
if [ "${1:-}" = providers ]; then . bench/postgres.sh; fi
driver=bench/AccountabilityBot.SlackLoad/bin/Release/net10.0/AccountabilityBot.SlackLoad.dll
if [ "${1:-}" = providers ]; then dotnet "$driver" "$@"; else dotnet "$driver" "${1:-10}" "${2:-32,128}"; fi
