#!/usr/bin/env bash
# Scenario 8 of the benchmarks: eager variants done by 1, 2 and 3 generation worker processes (instance.role =
# worker) on one PostgreSQL database, the uploads made through an instance with instance.role = api. Per round: the
# workers start and are frozen (SIGSTOP), M uploads of a 1600×1200 JPEG to a path with K eager variants queue M×K
# jobs, the workers are thawed (SIGCONT) and the clock runs until generation_jobs is empty; eager variants/s = M×K /
# that time. Objects on the filesystem (one mount for all), a throwaway PostgreSQL on loopback, stopped at the end.
# With BENCH_OUT set, also writes 8-jobs.md/json there (see bench/lib/report.sh).
# Usage: bench/jobs/run.sh [UPLOADS=24] [EAGER=4] [WORKERS="1 2 3"]
# JOB_WORKERS=N sets variant-generation.workers of each worker process (default: the CPU count, as in production).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/report.sh
source bench/lib/server.sh
uploads="${1:-24}"; eager="${2:-4}"; rounds="${3:-1 2 3}"
[ "$eager" -ge 1 ] && [ "$eager" -le 6 ] || { echo "bench/jobs: EAGER must be 1–6" >&2; exit 2; }
scripts/install-deps
work=$(mktemp -d)
chmod 755 "$work" # PostgreSQL runs as its own user when the bench runs as root
workers=()
cleanup() {
  for pid in "${workers[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  stop_server
  [ -d "$work/pg" ] && scripts/stop-postgres --dir "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

vips gaussnoise "$work/n.v" 1600 1200 --mean 128 --sigma 40
vips bandjoin "$work/n.v $work/n.v $work/n.v" "$work/rgb.v"
vips cast "$work/rgb.v" "$work/photo.jpg[Q=85]" uchar
rm -f "$work"/*.v

cs=$(scripts/start-postgres --dir "$work/pg" 2>/dev/null | sed -E "s/^export KONIFER_TEST_POSTGRES='(.*)'$/\1/")
pgport=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$cs")
sql() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pgport" -U postgres -d konifer_test -tAc "$1"; }

# Six web sizes and formats; the first EAGER of them are the path's eager variants.
profiles=(w320 w640 w1024 w320a w640w w1280)
eager_list=$(IFS=,; echo "${profiles[*]:0:$eager}")
conf() {
  cat <<CONF
data-store { provider = postgresql, postgresql { host = "127.0.0.1", port = $pgport, database = "konifer_test", user = "postgres" } }
object-store { provider = filesystem, filesystem.mount-path = "$work/objects" }
variant-profiles {
  w320 { w = 320, format = webp }, w640 { w = 640, format = webp }, w1024 { w = 1024, format = jpeg }
  w320a { w = 320, format = avif }, w640w { w = 640, format = jpeg }, w1280 { w = 1280, format = webp }
}
paths { "/bench/**" { transform.eager-variants = [$eager_list] } }
instance.role = $1
${JOB_WORKERS:+variant-generation.workers = $JOB_WORKERS}
CONF
}
conf api >"$work/api.conf"
conf worker >"$work/worker.conf"
api=$(free_port)
start_server "$work/api.conf" "$api" "$work/api.log"

report_begin 8-jobs "Eager variants by worker processes on one database ($uploads uploads × $eager eager variants)" \
  "worker processes" "jobs" "seconds" "eager variants/s" "per process"
for n in $rounds; do
  workers=()
  for i in $(seq 1 "$n"); do
    port=$(free_port)
    KONIFER_CONFIG="$work/worker.conf" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
      dotnet src/Konifer/bin/Release/net10.0/Konifer.dll >"$work/worker-$n-$i.log" 2>&1 &
    workers+=($!)
    for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
  done
  for pid in "${workers[@]}"; do kill -STOP "$pid"; done
  echo "bench/jobs: $n worker(s): uploading $uploads" >&2
  for i in $(seq 1 "$uploads"); do
    curl -sf -o /dev/null -F 'metadata={};type=application/json' -F "asset=@$work/photo.jpg" "http://127.0.0.1:$api/assets/bench/r$n/p$i" \
      || { echo "bench/jobs: upload failed; api log:" >&2; tail -n 20 "$work/api.log" >&2; exit 1; }
  done
  jobs=$(sql "SELECT count(*) FROM generation_jobs")
  start=$(date +%s.%N)
  for pid in "${workers[@]}"; do kill -CONT "$pid"; done
  while [ "$(sql "SELECT count(*) FROM generation_jobs")" -gt 0 ]; do sleep 0.05; done
  end=$(date +%s.%N)
  made=$(sql "SELECT count(*) FROM asset_variants v JOIN assets a ON a.id = v.asset_id WHERE NOT v.is_original AND a.path_text LIKE '/bench/r$n/%'")
  [ "$made" -eq "$jobs" ] || echo "bench/jobs: $jobs jobs but $made variants (failures? see $work/worker-$n-*.log)" >&2
  secs=$(echo "$end - $start" | bc -l)
  rate=$(echo "$made / $secs" | bc -l)
  report_row "$n" "$jobs" "$(printf '%.2f' "$secs")" "$(printf '%.1f' "$rate")" "$(printf '%.1f' "$(echo "$rate / $n" | bc -l)")"
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  workers=()
done
report_note "Machine: $(nproc) cores; each worker process has variant-generation.workers = ${JOB_WORKERS:-$(nproc)} (the CPU count unless JOB_WORKERS is set). Worker processes share the machine, so on few cores more processes add coordination, not capacity: the scaling shows on machines (or containers) of their own."
report_note "Time from thawing the frozen workers until the queue is empty: taking (SKIP LOCKED), generating, storing and completing every job."
report_end
