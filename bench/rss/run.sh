#!/usr/bin/env bash
# Peak resident memory of the server (issue 5): while uploading and transforming a ~200 MB image, and while serving
# 100 concurrent downloads of it. Starts its own server (in-memory metadata, filesystem objects) on loopback,
# samples /proc/PID/status every 50 ms per phase, prints a Markdown table, and cleans up.
# Usage: bench/rss/run.sh [side]   (side of the square noise PNG; default 12000 → about 200 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps
side="${1:-12000}"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

vips gaussnoise "$work/noise.v" "$side" "$side" --mean 128 --sigma 60
vips bandjoin "$work/noise.v $work/noise.v $work/noise.v" "$work/rgb.v"
vips cast "$work/rgb.v" "$work/big.png" uchar
rm -f "$work"/*.v
size=$(stat -c %s "$work/big.png")

cat > "$work/konifer.conf" <<CONF
data-store.provider = in-memory
object-store { provider = filesystem, filesystem.mount-path = "$work/objects" }
source.multipart.max-bytes = 1073741824
CONF
dotnet build src/Konifer -c Release -v q -nologo >/dev/null
port=$((20000 + RANDOM % 20000))
KONIFER_CONFIG="$work/konifer.conf" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  dotnet src/Konifer/bin/Release/net10.0/Konifer.dll >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
peak() { # runs "$@" while sampling RSS; prints the peak in MB
  local max=0 pid
  "$@" & pid=$!
  while kill -0 "$pid" 2>/dev/null; do v=$(rss); [ "$v" -gt "$max" ] && max=$v; sleep 0.05; done
  wait "$pid"
  echo $((max / 1024))
}
base=$(( $(rss) / 1024 ))
upload=$(peak curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$work/big.png" "http://127.0.0.1:$port/assets/bench/big")
transform=$(peak curl -sf -o /dev/null "http://127.0.0.1:$port/assets/bench/big/-/content?w=400&format=webp")
full=$(peak curl -sf -o /dev/null "http://127.0.0.1:$port/assets/bench/big/-/content?r=90&format=jpg")
downloads=$(peak bash -c "seq 100 | xargs -P 100 -I{} curl -sf -o /dev/null http://127.0.0.1:$port/assets/bench/big/-/content")

echo
echo "| phase ($((size / 1024 / 1024)) MB PNG, ${side}×${side}) | peak RSS (MB) |"
echo "|---|---:|"
echo "| idle after start | $base |"
echo "| upload (spooled to a temporary file, inspected, stored) | $upload |"
echo "| 400 px WebP variant (shrink-on-load) | $transform |"
echo "| full-size 90° rotation to JPEG (streaming encoder) | $full |"
echo "| 100 concurrent downloads of the original | $downloads |"
