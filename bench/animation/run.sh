#!/usr/bin/env bash
# Time of one animated variant against its frame count, in the real server (in-memory stores): 1x1 GIFs of
# 500, 1000, 2000 and 4000 frames (source.max-frames raised so that they are accepted), each converted to WebP whole
# (no per-frame step) and with 1 px padding (every frame processed on its own). curl's time_total, one run each.
# Usage (from the repository root, after `dotnet build src/Konifer -c Release`): bench/animation/run.sh [FRAMES...]
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/server.sh
frames=("$@")
[ $# -eq 0 ] && frames=(500 1000 2000 4000)
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
printf 'data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.max-frames = 100000\nvariant-generation.timeout = 1h\n%s\n' 'paths { "/**" { limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP, max-pages = 1000000, max-pixels-per-page = 1000GP }, transform.limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP } } }' >"$work/konifer.conf"
port=$(free_port)
start_server "$work/konifer.conf" "$port" "$work/server.log"
echo "| frames | format=webp (whole strip) | format=webp&pad=1 (per frame) |"
echo "|---:|---:|---:|"
for n in "${frames[@]}"; do
  dotnet run bench/animation/frames.cs -- "$n" 1 1 "$work/f$n.gif" >/dev/null
  curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$work/f$n.gif" "http://127.0.0.1:$port/assets/bench/f$n"
  whole=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/assets/bench/f$n/-/content?format=webp")
  framed=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/assets/bench/f$n/-/content?format=webp&pad=1&pad-c=%23ff0000")
  echo "| $n | ${whole} s | ${framed} s |"
done
