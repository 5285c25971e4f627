#!/usr/bin/env bash
# The platform at a province's size: 1,000 agencies and 1,000,000 cases in one database (SQLite by default;
# PostgreSQL with GONGKAI_BENCH_POSTGRES=admin-connection-string). Publishes the web host (or takes GONGKAI_APP=DIR,
# a host already published), measures it first on a fresh demo database (12 agencies, ~720 cases), then on the
# platform database: started once in Production with the demo (migrated; DEMO and its officers), bulk-loaded by
# `Gongkai.Bench seed-platform`, and kept (PLATFORM_DIR, default /tmp/gongkai-platform; on PostgreSQL the database
# gongkai_platform_bench) so later runs skip the seeding. Each measurement: sign in as DEMO's clerk over plain HTTP
# (a Production start, as an intranet without TLS serves it) and drive with wrk (Debian package "wrk") the officer's
# queue (GET /staff, open cases; ?State=all, every case of the agency) and the public status lookup (code in
# X-Access-Code). Runs are SECONDS_PER_RUN (default 10) s, each after WARMUP_SECONDS (default 5) s on the same URL; the
# machine may be shared: the load average and the server's CPU time per request are printed beside the rates.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
seconds=${SECONDS_PER_RUN:-10}
warmup=${WARMUP_SECONDS:-5}
out=$(mktemp -d)
platform=${PLATFORM_DIR:-/tmp/gongkai-platform}
mkdir -p "$platform"
platform=$(cd "$platform" && pwd)  # the server starts in its own directory: every path absolute
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
if [ -n "${GONGKAI_APP:-}" ]; then
  app=$(cd "$GONGKAI_APP" && pwd)
else
  app="$out/app"
  dotnet publish -c Release src/Gongkai.Web -o "$app" -v q >/dev/null
fi

server=
start() { # DATABASE DATA-DIRECTORY
  # From its own directory: the content root, so the shipped appsettings.json (framework logging at Warning) and
  # wwwroot are found (started from elsewhere it logs every request at Information).
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production Gongkai__Database="$1" Gongkai__DataDirectory="$2" Gongkai__SeedDemo=true \
    Gongkai__DemoPassword=bench-Passw0rd Gongkai__StatusPerMinute=100000000 Gongkai__ApplyPerMinute=100000 \
    Gongkai__SignInPerMinute=100000 exec dotnet Gongkai.Web.dll --urls "$base" >>"$out/web.log" 2>&1) &
  server=$!
  for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && return; sleep 0.5; done
  echo "the web host did not start:"; cat "$out/web.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$out"' EXIT

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() { # TITLE CONNECTIONS wrk-arguments…
  local title=$1 connections=$2 before after result requests
  shift 2
  echo "== $title, $connections connections, $seconds s"
  # Each phase warmed on its own URL: the JIT's tier-up of the code it runs (a few seconds of compiling on a busy
  # 2-core machine) is not the request's cost.
  wrk -t2 -c"$connections" -d"${warmup}s" "$@" >/dev/null
  before=$(cpu)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  after=$(cpu)
  echo "$result" | grep -E "Requests/sec|50%|99%|Non-2xx"
  requests=$(echo "$result" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "server CPU per request: %.3f ms\n", t * 1000 / hz / n }'
}

measure() {
  jar="$out/cookies"
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/staff/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null "$base/staff/login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "UserName=clerk" --data-urlencode "Password=bench-Passw0rd"
  cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF==7 {printf "%s=%s; ", $6, $7}')
  # Not "curl | grep -q": grep leaves at the first match, curl then fails writing the rest and pipefail says no.
  queue=$(curl -sf -H "Cookie: $cookie" "$base/staff") && [[ "$queue" == *待办申请* ]] || { echo "sign-in failed"; tail -20 "$out/web.log"; exit 1; }
  receipt=$(curl -s "$base/api/applications" -H 'content-type: application/json' \
    -d '{"agency":"DEMO","category":"NaturalPerson","name":"王五","idProof":"110101199001011237","contact":"13800000000","request":"道路维修项目清单","deliveryForm":"电子文档","deliveryChannel":"电子邮件","channel":"Online"}')
  number=$(echo "$receipt" | sed -E 's/.*"trackingNumber":"([^"]+)".*/\1/')
  code=$(echo "$receipt" | sed -E 's/.*"accessCode":"([^"]+)".*/\1/')
  status="$base/api/applications/$number/status"
  curl -sf -H "X-Access-Code: $code" "$status" >/dev/null || { echo "status lookup failed: $receipt"; exit 1; }
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  run "$1: queue (open cases)" 8 -H "Cookie: $cookie" "$base/staff"
  run "$1: queue (every state of the agency)" 8 -H "Cookie: $cookie" "$base/staff?State=all"
  run "$1: status lookup" 32 -H "X-Access-Code: $code" "$status"
}

# The same runs on the demo and on the full database, back to back, so a busy machine shows as a ratio
# (SKIP_DEMO=1: the full database only).
# Both servers are measured from a start on an existing database: a server that has just created and seeded the demo
# has compiled most of what a request runs, one that starts on a database has not, and that difference (about 2 ms of
# CPU per queue request in the first phases) is what the first runs of this script showed as the big database's cost.
if [ -z "${SKIP_DEMO:-}" ]; then
  start "$out/demo.db" "$out/demo-data"
  stop
  start "$out/demo.db" "$out/demo-data"
  measure "demo (12 agencies, ~720 cases)"
  stop
fi

# psql takes libpq keywords, not the .NET connection string the application takes.
libpq() {
  python3 -c 'import sys
names = {"host": "host", "server": "host", "port": "port", "username": "user", "user id": "user", "password": "password", "database": "dbname"}
pairs = (p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
print(" ".join(names[k.strip().lower()] + "=" + v.strip() for k, v in pairs if k.strip().lower() in names))' "$1"
}

if [ -n "${GONGKAI_BENCH_POSTGRES:-}" ]; then
  admin="$GONGKAI_BENCH_POSTGRES"
  database="${admin/Database=postgres/Database=gongkai_platform_bench}"
  seeded=$(psql "$(libpq "$database")" -tAc "SELECT count(*) >= 1000000 FROM applications" 2>/dev/null || echo f)
  [ "$seeded" = t ] || psql "$(libpq "$admin")" -qc "DROP DATABASE IF EXISTS gongkai_platform_bench WITH (FORCE)" -c "CREATE DATABASE gongkai_platform_bench" >/dev/null
else
  database="$platform/gongkai.db"
  seeded=$([ -f "$platform/seeded" ] && echo t || echo f)
  [ "$seeded" = t ] || rm -rf "$platform/gongkai.db"* "$platform/data"
fi
if [ "$seeded" != t ]; then
  start "$database" "$platform/data"
  stop
  dotnet build -c Release bench/Gongkai.Bench -v q >/dev/null
  dotnet run -c Release --no-build --project bench/Gongkai.Bench -- seed-platform "$database"
  [ -n "${GONGKAI_BENCH_POSTGRES:-}" ] || touch "$platform/seeded"
fi
if [ -n "${GONGKAI_BENCH_POSTGRES:-}" ]; then
  echo "database size: $(psql "$(libpq "$database")" -tAc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
else
  echo "database size: $(du -h "$database" | cut -f1)"
fi
start "$database" "$platform/data"
measure "1,000 agencies, 1,000,000 cases"
stop
