#!/usr/bin/env bash
# Zip bomb against POST /api/reports/validate: publishes the web host, starts it on a free loopback port, posts a
# 1.6 GB-inflating .docx (a few MB on the wire) and prints the request's time and the server's peak memory (VmHWM)
# before and after. Then three bombs in parallel. Figures for docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet publish -c Release src/Gongkai.Web -o "$out/app" -v q >/dev/null
python3 - "$out/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
        block = b" " * (1 << 20)
        for _ in range(1600):
            f.write(block)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
PY
echo "bomb: $(stat -c %s "$out/bomb.docx") bytes on the wire, 1.6 GB inflated"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd "$out/app" && ASPNETCORE_URLS="$base" Gongkai__DataDirectory="$out/data" Gongkai__ValidatePerMinute=100 exec dotnet Gongkai.Web.dll >"$out/web.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/" >/dev/null && break; sleep 0.5; done
peak() { grep -E '^VmHWM' "/proc/$server/status" | awk '{printf "%.0f MB", $2/1024}'; }
echo "server peak memory after start: $(peak)"
curl -s -o "$out/answer.json" -w 'one bomb: HTTP %{http_code} in %{time_total} s\n' -H "Content-Type: application/octet-stream" --data-binary @"$out/bomb.docx" "$base/api/reports/validate"
grep -o '解压后超过[^"]*' "$out/answer.json" | head -1 || true
echo "server peak memory after one bomb: $(peak)"
pids=()
for i in 1 2 3; do
  curl -s -o /dev/null -w "parallel bomb $i: HTTP %{http_code} in %{time_total} s\n" -H "Content-Type: application/octet-stream" --data-binary @"$out/bomb.docx" "$base/api/reports/validate" &
  pids+=($!)
done
wait "${pids[@]}"
echo "server peak memory after three in parallel: $(peak)"
curl -s -o /dev/null -w 'server still answers: HTTP %{http_code}\n' "$base/"
