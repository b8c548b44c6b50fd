#!/usr/bin/env bash
# Scenario 2 of the benchmark plan (issue 6, first part): serving a cached variant vs plain nginx serving the same
# bytes from disk (the ceiling for serving bytes), at 1, 16 and 64 connections, with wrk. Each figure is the median
# of RUNS runs of SECONDS seconds; the ratio is taken per run, in the same run. Installs wrk and nginx (Debian) when
# missing, starts both servers on loopback, stops them at the end.
# Usage: bench/peers/cached-vs-nginx.sh [RUNS=3] [SECONDS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"; seconds="${2:-5}"
scripts/install-deps
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
fi
work=$(mktemp -d)
cleanup() { kill "${server:-}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

vips gaussnoise "$work/n.v" 1600 1200 --mean 128 --sigma 40
vips bandjoin "$work/n.v $work/n.v $work/n.v" "$work/rgb.v"
vips cast "$work/rgb.v" "$work/photo.jpg[Q=85]" uchar

cat > "$work/konifer.conf" <<CONF
data-store.provider = in-memory
object-store { provider = filesystem, filesystem.mount-path = "$work/objects" }
CONF
dotnet build src/Konifer -c Release -v q -nologo >/dev/null
kport=$((20000 + RANDOM % 10000)); nport=$((30000 + RANDOM % 10000))
KONIFER_CONFIG="$work/konifer.conf" ASPNETCORE_URLS="http://127.0.0.1:$kport" Logging__LogLevel__Default=Warning \
  dotnet src/Konifer/bin/Release/net10.0/Konifer.dll >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$kport/health" >/dev/null && break; sleep 0.2; done
curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$work/photo.jpg" "http://127.0.0.1:$kport/assets/bench/photo"
url="/assets/bench/photo/-/content?w=400&format=webp&q=80"
curl -sf -o "$work/variant.webp" "http://127.0.0.1:$kport$url"   # generates and caches the variant
mkdir -p "$work/www"; cp "$work/variant.webp" "$work/www/variant.webp"

cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5

rps() { local t=2; [ "$1" -lt 2 ] && t=1; wrk -t "$t" -c "$1" -d "${seconds}s" "$2" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| connections | Konifer req/s (median of $runs) | nginx req/s | ratio Konifer/nginx |"
echo "|---:|---:|---:|---:|"
for c in 1 16 64; do
  k=(); n=(); r=()
  for _ in $(seq "$runs"); do
    kr=$(rps "$c" "http://127.0.0.1:$kport$url"); nr=$(rps "$c" "http://127.0.0.1:$nport/variant.webp")
    k+=("$kr"); n+=("$nr"); r+=("$(awk -v a="$kr" -v b="$nr" 'BEGIN {printf "%.3f", a/b}')")
  done
  printf '| %s | %.0f | %.0f | %s |\n' "$c" "$(printf '%s\n' "${k[@]}" | median)" "$(printf '%s\n' "${n[@]}" | median)" "$(printf '%s\n' "${r[@]}" | median)"
done
echo
echo "variant: $(stat -c %s "$work/variant.webp") bytes; $(nproc) cores; wrk and both servers share them."
