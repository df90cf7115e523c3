#!/usr/bin/env bash
# Start-up time (process start → /healthz answers, demo seeded and first review posted) and resident memory at idle.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/AccountabilityBot.Web -c Release -v q -nologo >/dev/null
data=$(mktemp -d); port=5199
start=$(date +%s%N)
dotnet src/AccountabilityBot.Web/bin/Release/net10.0/AccountabilityBot.Web.dll --demo --urls "http://127.0.0.1:$port" \
  --Database:DataDirectory="$data" >"$data/run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
curl -sf "http://127.0.0.1:$port/local/messages?channel=leadership" | grep -q "Weekly customer review"
sleep 20
rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
echo "start-up (demo seeded, review posted, /healthz ok): ${ready} ms; resident memory after 20 s idle: ${rss} MB"
