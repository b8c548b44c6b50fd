#!/usr/bin/env bash
# Scenario 5 of the benchmarks: peak resident memory of the server while uploading and transforming a very large
# image (default 12000×12000 noise PNG, about 200 MB), next to the same phases with a small one (default 1200×1200,
# 100 times fewer pixels): bounded, not proportional to the image. Each size gets a fresh server (in-memory metadata,
# filesystem objects) on loopback; /proc/PID/status is sampled every 50 ms per phase. Prints a Markdown table and,
# with BENCH_OUT set, writes 5-memory.md/json there (bench/lib/report.sh). Cleans up after itself.
# Usage: bench/rss/run.sh [large-side=12000] [small-side=1200]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/report.sh
source bench/lib/server.sh
scripts/install-deps
large="${1:-12000}"; small="${2:-1200}"
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
dotnet build src/Konifer -c Release -v q -nologo >/dev/null

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
peak() { # runs "$@" while sampling the server's RSS; prints the peak in MB
  local max=0 pid v
  "$@" & pid=$!
  while kill -0 "$pid" 2>/dev/null; do v=$(rss); [ "$v" -gt "$max" ] && max=$v; sleep 0.05; done
  wait "$pid"
  echo $((max / 1024))
}

measure() { # side → "file-MB idle upload thumbnail rotation downloads" (peak MB per phase)
  local side=$1 dir="$work/$1"
  mkdir -p "$dir"
  vips gaussnoise "$dir/noise.v" "$side" "$side" --mean 128 --sigma 60
  vips bandjoin "$dir/noise.v $dir/noise.v $dir/noise.v" "$dir/rgb.v"
  vips cast "$dir/rgb.v" "$dir/image.png" uchar
  rm -f "$dir"/*.v
  cat > "$dir/konifer.conf" <<CONF
data-store.provider = in-memory
object-store { provider = filesystem, filesystem.mount-path = "$dir/objects" }
source.multipart.max-bytes = 1GiB
paths { "/**" { limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP, max-pages = 1000000, max-pixels-per-page = 1000GP }, transform.limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP } } }
CONF
  local port; port=$(free_port)
  start_server "$dir/konifer.conf" "$port" "$dir/server.log"
  local base=$(( $(rss) / 1024 )) base_url="http://127.0.0.1:$port/assets/bench/image"
  local upload transform full downloads
  upload=$(peak curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$dir/image.png" "$base_url")
  transform=$(peak curl -sf -o /dev/null "$base_url/-/content?w=400&format=webp")
  full=$(peak curl -sf -o /dev/null "$base_url/-/content?r=90&format=jpg")
  downloads=$(peak bash -c "seq 100 | xargs -P 100 -I{} curl -sf -o /dev/null $base_url/-/content")
  echo "$(( $(stat -c %s "$dir/image.png") / 1024 / 1024 )) $base $upload $transform $full $downloads"
  stop_server
  rm -rf "$dir"
}

read -r small_mb s_idle s_upload s_thumb s_full s_down < <(measure "$small")
read -r large_mb l_idle l_upload l_thumb l_full l_down < <(measure "$large")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
report_begin 5-memory "Peak RSS: a ${large}×${large} PNG (${large_mb} MB) vs a ${small}×${small} PNG (${small_mb} MB)" \
  "phase" "small: peak RSS MB" "large: peak RSS MB" "ratio large/small"
report_row "idle after start" "$s_idle" "$l_idle" "$(ratio "$l_idle" "$s_idle")"
report_row "upload (spooled to a temporary file, inspected, stored)" "$s_upload" "$l_upload" "$(ratio "$l_upload" "$s_upload")"
report_row "400 px WebP variant (shrink-on-load)" "$s_thumb" "$l_thumb" "$(ratio "$l_thumb" "$s_thumb")"
report_row "full-size 90° rotation to JPEG (streaming encoder)" "$s_full" "$l_full" "$(ratio "$l_full" "$s_full")"
report_row "100 concurrent downloads of the original" "$s_down" "$l_down" "$(ratio "$l_down" "$s_down")"
report_note "The large image has $(( large * large / (small * small) ))× the pixels of the small one; peaks sampled every 50 ms; $(nproc) cores, $(date -u +%F), commit $(git rev-parse --short HEAD)."
report_end
