# Sourced by the bench shell scripts (from the repository root): a free loopback port, and the built server started
# on it and stopped again.
#   port=$(free_port)
#   start_server CONF PORT LOG     runs Konifer with konifer.conf CONF on 127.0.0.1:PORT (pid in $server), waits for /health
#   stop_server                    stops it (safe to call when none runs)
server=""

# A port nobody listens on, from a random start so that parallel runs rarely pick the same one (a server that still
# loses the race fails to start and says so).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  echo "free_port: no free port found" >&2; return 1
}

start_server() {
  KONIFER_CONFIG="$1" ASPNETCORE_URLS="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning \
    dotnet src/Konifer/bin/Release/net10.0/Konifer.dll >"$3" 2>&1 &
  server=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && return 0; sleep 0.2; done
  echo "the server did not answer /health within 30 s; its log ($3):" >&2
  tail -n 20 "$3" >&2
  return 1
}

stop_server() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  server=""
}
