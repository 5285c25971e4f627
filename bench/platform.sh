#!/usr/bin/env bash
# The platform at a province's size: 1,000 agencies and 1,000,000 cases in one database (SQLite by default;
# PostgreSQL with GONGKAI_BENCH_POSTGRES=connection-string). Publishes the web host, starts it once on an empty
# database (demo agency DEMO and its officers), bulk-loads the agencies and cases (bench seed-platform), restarts it,
# signs in as DEMO's clerk and drives with wrk (Debian package "wrk"): the officer's queue (GET /staff, open cases;
# and ?State=all, every case of the agency) and the public status lookup. Each run is 10 s; the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
out=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
if [ -n "${GONGKAI_BENCH_POSTGRES:-}" ]; then
  admin="$GONGKAI_BENCH_POSTGRES"
  psql "$admin" -qc "DROP DATABASE IF EXISTS gongkai_platform_bench WITH (FORCE)" -c "CREATE DATABASE gongkai_platform_bench" >/dev/null
  database="${admin/Database=postgres/Database=gongkai_platform_bench}"
else
  database="$out/gongkai.db"
fi
dotnet publish -c Release src/Gongkai.Web -o "$out/app" -v q >/dev/null
dotnet build -c Release bench/Gongkai.Bench -v q >/dev/null
server=
start() {
  ASPNETCORE_ENVIRONMENT=Production Gongkai__Database="$database" Gongkai__DataDirectory="$out/data" Gongkai__SeedDemo=true \
    Gongkai__DemoPassword=bench-Passw0rd Gongkai__StatusPerMinute=100000000 Logging__LogLevel__Default=Warning \
    dotnet "$out/app/Gongkai.Web.dll" --urls "$base" >>"$out/web.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$base/healthz" >/dev/null && return; sleep 0.5; done
  echo "the web host did not start:"; cat "$out/web.log"; exit 1
}
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$out"' EXIT
measure() {
  jar="$out/cookies"
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/staff/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
  # Cookies are Secure (meant for TLS behind the proxy); curl keeps them from plain http, so send them by hand.
  jarcookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF==7 {printf "%s=%s; ", $6, $7}')
  curl -s -H "Cookie: $jarcookie" -c "$jar" -o /dev/null "$base/staff/login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "UserName=clerk" --data-urlencode "Password=bench-Passw0rd"
  cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF==7 {printf "%s=%s; ", $6, $7}')
  curl -sf -H "Cookie: $cookie" "$base/staff" | grep -q "待办申请" || { echo "sign-in failed"; exit 1; }
  receipt=$(curl -s "$base/api/applications" -H 'content-type: application/json' \
    -d '{"agency":"DEMO","category":"NaturalPerson","name":"王五","idProof":"110101199001011237","contact":"13800000000","request":"道路维修项目清单","deliveryForm":"电子文档","deliveryChannel":"电子邮件","channel":"Online"}')
  number=$(echo "$receipt" | sed -E 's/.*"trackingNumber":"([^"]+)".*/\1/')
  code=$(echo "$receipt" | sed -E 's/.*"accessCode":"([^"]+)".*/\1/')
  status="$base/api/applications/$number/status?code=$code"
  wrk -t2 -c8 -d3s "$status" >/dev/null
  echo "== $1: queue (open cases), 8 connections, 10 s"
  wrk -t2 -c8 -d10s --latency -H "Cookie: $cookie" "$base/staff" | grep -E "Requests/sec|50%|99%|Non-2xx"
  echo "== $1: queue (every state of the agency), 8 connections, 10 s"
  wrk -t2 -c8 -d10s --latency -H "Cookie: $cookie" "$base/staff?State=all" | grep -E "Requests/sec|50%|99%|Non-2xx"
  echo "== $1: status lookup, 32 connections, 10 s"
  wrk -t2 -c32 -d10s --latency "$status" | grep -E "Requests/sec|50%|99%|Non-2xx"
}

# The same runs before and after the load, back to back, so a busy machine shows as a ratio, not a false figure.
start
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "demo only (1 agency, ~260 cases)"
kill $server; wait $server 2>/dev/null || true
dotnet run -c Release --no-build --project bench/Gongkai.Bench -- seed-platform "$database"
start
measure "1,000 agencies, 1,000,000 cases"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${GONGKAI_BENCH_POSTGRES:-}" ]; then
  kill $server; wait $server 2>/dev/null || true; server=
  psql "$admin" -qc "DROP DATABASE IF EXISTS gongkai_platform_bench WITH (FORCE)" >/dev/null
fi
