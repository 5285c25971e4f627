#!/usr/bin/env bash
# Prints the benchmark figures the issues ask for. Release build, all cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Gongkai.Bench -- "${@:-import}"
