# Sourced by the bench shell scripts. free_port prints a loopback port nobody listens on (from a random start, so
# parallel runs rarely pick the same one; a server that still loses the race fails to start and says so).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  echo "free_port: no free port found" >&2; return 1
}
