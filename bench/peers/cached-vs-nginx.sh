#!/usr/bin/env bash
# Scenario 2 of the benchmarks: serving a cached variant (a hit) vs plain nginx serving the same bytes from disk (the
# ceiling for serving bytes), at 1, 16 and 64 connections, with wrk, on three store configurations: in-memory
# metadata + in-memory objects, in-memory metadata + filesystem objects, PostgreSQL + filesystem objects. Each figure
# is the median of RUNS runs of SECONDS seconds; the ratio is taken per run (Konifer and nginx back to back).
# Installs wrk and nginx-light (Debian) when missing; starts the servers (and a throwaway PostgreSQL) on loopback and
# stops them at the end. With BENCH_OUT set, also writes 2-cached.md/json there (see bench/lib/report.sh).
# Usage: bench/peers/cached-vs-nginx.sh [RUNS=3] [SECONDS=5] [STORES="memory filesystem postgresql"]
# (postgresql-uncached: PostgreSQL with data-store.postgresql.hit-cache.enabled = false, for comparison)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/report.sh
source bench/lib/server.sh
runs="${1:-3}"; seconds="${2:-5}"; stores="${3:-memory filesystem postgresql}"
scripts/install-deps
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
fi
work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  stop_server
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && scripts/stop-postgres --dir "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

vips gaussnoise "$work/n.v" 1600 1200 --mean 128 --sigma 40
vips bandjoin "$work/n.v $work/n.v $work/n.v" "$work/rgb.v"
vips cast "$work/rgb.v" "$work/photo.jpg[Q=85]" uchar
rm -f "$work"/*.v

# wrk prints no p95 by itself: this script writes "requests/s p95-ms" on the last line.
cat > "$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f\n", summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000))
end
LUA
measure() { # connections url → "req/s p95ms"
  local threads=2; [ "$1" -lt 2 ] && threads=1
  wrk -t "$threads" -c "$1" -d "${seconds}s" -s "$work/p95.lua" "$2" | awk '/^RESULT/ {print $2, $3}'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

dotnet build src/Konifer -c Release -v q -nologo >/dev/null
url="/assets/bench/photo/-/content?w=400&format=webp&q=80"
serve_variant() { # stores → starts Konifer, uploads the photo and caches the variant
  local conf="$work/konifer-$1.conf"
  case "$1" in
    memory) printf 'data-store.provider = in-memory\nobject-store.provider = in-memory\n' >"$conf" ;;
    filesystem) printf 'data-store.provider = in-memory\nobject-store { provider = filesystem, filesystem.mount-path = "%s" }\n' "$work/objects-fs" >"$conf" ;;
    postgresql|postgresql-uncached) # the second: the same without the hit cache (every hit asks the database)
      if [ -z "${pgport:-}" ]; then
        local cs; cs=$(scripts/start-postgres --dir "$work/pg" 2>/dev/null | sed -E "s/^export KONIFER_TEST_POSTGRES='(.*)'$/\1/")
        pgport=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$cs")
      fi
      local cache=true; [ "$1" = postgresql-uncached ] && cache=false
      printf 'data-store { provider = postgresql, postgresql { host = "127.0.0.1", port = %s, database = "konifer_test", user = "postgres", hit-cache.enabled = %s } }\nobject-store { provider = filesystem, filesystem.mount-path = "%s" }\n' "$pgport" "$cache" "$work/objects-$1" >"$conf" ;;
    *) echo "unknown stores '$1' (memory, filesystem, postgresql, postgresql-uncached)" >&2; exit 2 ;;
  esac
  kport=$(free_port)
  start_server "$conf" "$kport" "$work/server-$1.log"
  curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$work/photo.jpg" "http://127.0.0.1:$kport/assets/bench/photo" \
    || { echo "upload failed on $1:" >&2; tail -n 20 "$work/server-$1.log" >&2; exit 1; }
  curl -sf -o "$work/variant.webp" "http://127.0.0.1:$kport$url"   # generates and caches the variant
  [ "$(curl -s -o /dev/null -D - "http://127.0.0.1:$kport$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "k-cache-status" {print $2}')" = hit ] \
    || { echo "the variant is not served as a hit on $1" >&2; exit 1; }
}

nport=$(free_port)
mkdir -p "$work/www"
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

report_begin 2-cached "Cached variant (hit) vs nginx serving the same file" \
  "stores" "connections" "Konifer req/s" "Konifer p95 ms" "nginx req/s" "nginx p95 ms" "ratio req/s Konifer/nginx"
first=1
for s in $stores; do
  serve_variant "$s"
  if [ $first -eq 1 ]; then cp "$work/variant.webp" "$work/www/variant.webp"; nginx -c "$work/nginx.conf" -p "$work"; sleep 0.5; first=0; fi
  for c in 1 16 64; do
    kr=(); kp=(); nr=(); np=(); ratio=()
    for _ in $(seq "$runs"); do
      read -r a ap < <(measure "$c" "http://127.0.0.1:$kport$url")
      read -r b bp < <(measure "$c" "http://127.0.0.1:$nport/variant.webp")
      kr+=("$a"); kp+=("$ap"); nr+=("$b"); np+=("$bp"); ratio+=("$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')")
    done
    m() { printf '%s\n' "$@" | median; }
    report_row "$s" "$c" "$(printf '%.0f' "$(m "${kr[@]}")")" "$(printf '%.2f' "$(m "${kp[@]}")")" "$(printf '%.0f' "$(m "${nr[@]}")")" "$(printf '%.2f' "$(m "${np[@]}")")" "$(m "${ratio[@]}")"
  done
  stop_server
done
report_note "400 px WebP q80 variant of a generated 1600×1200 JPEG, $(stat -c %s "$work/variant.webp") bytes; median of $runs runs × ${seconds} s per figure; ratio taken per run."
report_note "$(nproc) cores shared by wrk, Konifer, nginx (1 worker, sendfile) and PostgreSQL; $(date -u +%F), commit $(git rev-parse --short HEAD)."
report_end
