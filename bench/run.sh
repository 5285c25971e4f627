#!/usr/bin/env bash
# Prints the benchmark figures the issues ask for. Release build, all cores.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  dotnet run -c Release --project bench/Gongkai.Bench -- "$@"
else
  dotnet run -c Release --project bench/Gongkai.Bench -- import
  dotnet run -c Release --no-build --project bench/Gongkai.Bench -- casework
fi
