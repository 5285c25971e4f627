#!/usr/bin/env bash
# Status-lookup throughput of the web platform: publishes the web host, starts it on 127.0.0.1:5080 with a
# fresh SQLite database and the rate limit lifted, submits one application, then drives
# GET /api/applications/{number}/status?code=… with wrk (Debian package "wrk") and prints its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
out=$(mktemp -d)
dotnet publish -c Release src/Gongkai.Web -o "$out/app" -v q >/dev/null
cd "$out"
Gongkai__StatusPerMinute=100000000 Logging__LogLevel__Default=Warning dotnet app/Gongkai.Web.dll >web.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:5080/ >/dev/null && break; sleep 0.5; done
receipt=$(curl -s http://127.0.0.1:5080/api/applications -H 'content-type: application/json' \
  -d '{"agency":"DEMO","category":"NaturalPerson","name":"王五","idProof":"110101199001011234","contact":"13800000000","request":"道路维修项目清单","deliveryForm":"电子文档","deliveryChannel":"电子邮件","channel":"Online"}')
number=$(echo "$receipt" | sed -E 's/.*"trackingNumber":"([^"]+)".*/\1/')
code=$(echo "$receipt" | sed -E 's/.*"accessCode":"([^"]+)".*/\1/')
url="http://127.0.0.1:5080/api/applications/$number/status?code=$code"
wrk -t2 -c32 -d5s "$url" >/dev/null
for connections in 8 32; do
  echo "== status lookup, $connections connections, 15 s"
  wrk -t2 -c"$connections" -d15s --latency "$url" | grep -E "Requests/sec|50%|99%|Non-2xx"
done
