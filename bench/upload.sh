#!/usr/bin/env bash
# Applications with a 5 MB attachment (issue 12: >= 50 applications/s on 2 cores, memory flat). Publishes the web
# host, starts it in Production on a SQLite file (demo agency DEMO, rate limits lifted), and drives it with
# "Gongkai.Bench upload": POST /api/applications then POST .../attachments (multipart, 5 MB PDF, different bytes each
# time), 1 client then 16, SECONDS each (default 15), printing applications/s, latency and the server's RSS per phase.
# Client and server share the machine's cores (and the machine is shared): the figure is a floor, not a ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
concurrency="${2:-16}"
size="${3:-5}"
# GONGKAI_BENCH_DIR=/dev/shm puts the database and files on tmpfs (no fsync cost), to tell disk from CPU.
out=$(mktemp -d -p "${GONGKAI_BENCH_DIR:-/tmp}")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
dotnet publish -c Release src/Gongkai.Web -o "$out/app" -v q >/dev/null
dotnet build -c Release bench/Gongkai.Bench -v q >/dev/null
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$out"' EXIT
ASPNETCORE_ENVIRONMENT=Production Gongkai__Database="$out/gongkai.db" Gongkai__DataDirectory="$out/data" Gongkai__SeedDemo=true \
  Gongkai__DemoPassword=bench-Passw0rd Gongkai__ApplyPerMinute=100000000 Gongkai__StatusPerMinute=100000000 \
  Logging__LogLevel__Default=Warning dotnet "$out/app/Gongkai.Web.dll" --urls "$base" >>"$out/web.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$base/healthz" >/dev/null || { echo "the web host did not start:"; cat "$out/web.log"; exit 1; }
dotnet run -c Release --no-build --project bench/Gongkai.Bench -- upload --base "$base" --pid "$server" \
  --seconds "$seconds" --concurrency "$concurrency" --size-mb "$size"
echo "stored: $(find "$out/data" -type f -size +4M | wc -l) files, $(du -sm "$out/data" | cut -f1) MB under the data directory"
