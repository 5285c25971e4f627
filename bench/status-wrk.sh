#!/usr/bin/env bash
# Status-lookup throughput of the web platform: publishes the web host, starts it on a free loopback port with a
# fresh SQLite database, the shipped appsettings.json (framework logging at Warning) and the rate limit lifted,
# submits one application, then drives GET /api/applications/{number}/status with the code in X-Access-Code
# with wrk (Debian package "wrk") and prints its figures and the server's CPU time per request. SECONDS_PER_RUN
# (default 15) shortens the runs; GONGKAI_APP=DIR uses a host already published there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
out=$(mktemp -d)
if [ -n "${GONGKAI_APP:-}" ]; then
  cp -r "$GONGKAI_APP" "$out/app"  # an already published host (e.g. of another commit, to compare)
else
  dotnet publish -c Release src/Gongkai.Web -o "$out/app" -v q >/dev/null
fi
cd "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd app && ASPNETCORE_URLS="$base" Gongkai__DataDirectory="$out/data" Gongkai__StatusPerMinute=100000000 Gongkai__ApplyPerMinute=1000 Gongkai__SeedDemo=true \
  exec dotnet Gongkai.Web.dll >"$out/web.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 240); do curl -sf $base/ >/dev/null && break; sleep 0.5; done
receipt=$(curl -s $base/api/applications -H 'content-type: application/json' \
  -d '{"agency":"DEMO","category":"NaturalPerson","name":"王五","idProof":"110101199001011237","contact":"13800000000","request":"道路维修项目清单","deliveryForm":"电子文档","deliveryChannel":"电子邮件","channel":"Online"}')
number=$(echo "$receipt" | sed -E 's/.*"trackingNumber":"([^"]+)".*/\1/')
code=$(echo "$receipt" | sed -E 's/.*"accessCode":"([^"]+)".*/\1/')
url="$base/api/applications/$number/status"
seconds=${SECONDS_PER_RUN:-15}
wrk -t2 -c32 -d5s -H "X-Access-Code: $code" "$url" >/dev/null
# The server's CPU time per request (user + system, from /proc) beside the rate: on a shared machine the rate follows
# the other load, the CPU cost of a request much less.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for connections in ${CONNECTIONS:-8 32}; do
  echo "== status lookup, $connections connections, $seconds s"
  before=$(cpu)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "X-Access-Code: $code" "$url")
  after=$(cpu)
  echo "$result" | grep -E "Requests/sec|50%|99%|Non-2xx"
  requests=$(echo "$result" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "server CPU per request: %.3f ms (%d requests)\n", t * 1000 / hz / n, n }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
