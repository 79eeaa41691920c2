#!/usr/bin/env bash
# Runs Gaimace on this machine: nats-server and a Gaimace server in the background, with demo users
# alice and bob in a public room 'lobby'. Everything lives in .gaimace/ (configuration, secrets,
# tokens, JetStream store, pid and log files). Safe to run again: it reuses what exists.
#
#   ./run.sh          install nats-server if needed, build, (re)start, print how to chat
#   ./run.sh stop     stop the agents, the Gaimace server and nats-server (the data stays)
#
# With GAIMACE_LLM_URL set (an OpenAI-compatible endpoint such as Ollama's http://localhost:11434/v1
# or llama.cpp's http://localhost:8080/v1; GAIMACE_LLM_MODEL names the model), it also starts the two
# sample AI personas of examples/personas/ (agents 'sage' and 'quill' in the lobby).
#
# Needs a JDK 17 and Maven; installing nats-server uses apt (root or sudo). MVN_FLAGS adds Maven
# flags to the build, e.g. MVN_FLAGS=-o to build offline.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly STATE=.gaimace
readonly CONFIG=$STATE/gaimace.properties NATS_CONF=$STATE/nats.conf
readonly NATS_PID=$STATE/nats.pid NATS_LOG=$STATE/nats.log
readonly SERVER_PID=$STATE/server.pid SERVER_LOG=$STATE/server.log
readonly ADMIN_TOKEN=$STATE/admin.token
readonly GAIMACE=scripts/gaimace
readonly DEFAULT_NATS_URL=nats://127.0.0.1:4222
# What the command lines of our two processes contain, to tell them from a recycled pid.
readonly NATS_CMD="nats-server -c $NATS_CONF" SERVER_CMD="gaimace.jar server"

say() { printf '==> %s\n' "$*"; }
die() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }

# True when the pid in file $1 is alive and its command line contains $2 (not a recycled pid).
running() {
  local pid cmdline
  [ -s "$1" ] || return 1
  pid=$(<"$1")
  [ -r "/proc/$pid/cmdline" ] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$2"* ]]
}

# Stops the process in pid file $1 (named $2, command line containing $3): SIGTERM, then SIGKILL
# after 30 s.
stop_process() {
  local file=$1 name=$2 pattern=$3 pid
  if ! running "$file" "$pattern"; then
    rm -f "$file"
    return 0
  fi
  pid=$(<"$file")
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name did not stop in 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

readonly PERSONAS=(sage quill)

# The pid file and command-line pattern of persona $1's agent process.
agent_pid() { printf '%s/agent-%s.pid' "$STATE" "$1"; }
agent_cmd() { printf 'gaimace.jar agent --persona examples/personas/%s.json' "$1"; }

stop_agents() {
  local p
  for p in "${PERSONAS[@]}"; do
    stop_process "$(agent_pid "$p")" "agent $p" "$(agent_cmd "$p")"
  done
}

# The sample personas, when an LLM endpoint is configured: agent users, tokens, processes.
start_agents() {
  local p log
  stop_agents
  if [ -z "${GAIMACE_LLM_URL:-}" ]; then
    return 0
  fi
  say "AI personas ${PERSONAS[*]} on $GAIMACE_LLM_URL (model ${GAIMACE_LLM_MODEL:-as in the persona files})"
  for p in "${PERSONAS[@]}"; do
    ensure user add "$p" --kind agent || true
    admin room add-member lobby "$p" >/dev/null 2>&1 || true
    ensure_token "$p"
    log=$STATE/agent-$p.log
    nohup "$GAIMACE" agent --persona "examples/personas/$p.json" --nats-url "$NATS_URL" \
      --token-file "$STATE/$p.token" >>"$log" 2>&1 &
    echo $! >"$(agent_pid "$p")"
    wait_for 60 "$(agent_pid "$p")" "$log" grep -q 'is listening' "$log"
  done
}

stop_all() {
  stop_agents
  stop_process "$SERVER_PID" "the Gaimace server" "$SERVER_CMD"
  stop_process "$NATS_PID" nats-server "$NATS_CMD"
}

# True when something accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when GET http://127.0.0.1:$1$2 answers 200 (bash only: no curl needed).
http_ok() {
  local status
  status=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    IFS=' ' read -r -t 2 _ code _ <&3 && printf '%s' "$code"
  ) || return 1
  [ "$status" = 200 ]
}

# Waits until "$@" succeeds, for up to $1 seconds, while the process in pid file $2 lives; shows
# the tail of log $3 when it fails.
wait_for() {
  local seconds=$1 pidfile=$2 log=$3
  shift 3
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" && return 0
    if ! kill -0 "$(<"$pidfile")" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      die "the process of $pidfile exited; its log is above (and in $log)"
    fi
    sleep 0.2
  done
  tail -n 30 "$log" >&2 || true
  die "not ready after $seconds s; see $log"
}

# A port of nats.conf: the top-level 'listen' (clients), 'http' (monitoring), or the indented
# 'listen' of the websocket block.
conf_port() {
  case $1 in
    client) sed -nE 's/^listen:[[:space:]]*"?[^"]*:([0-9]+)"?.*/\1/p' "$NATS_CONF" | head -n 1 ;;
    monitor) sed -nE 's/^http:[[:space:]]*"?[^"]*:([0-9]+)"?.*/\1/p' "$NATS_CONF" | head -n 1 ;;
    websocket) sed -nE 's/^[[:space:]]+listen:[[:space:]]*"?[^"]*:([0-9]+)"?.*/\1/p' "$NATS_CONF" | head -n 1 ;;
  esac
}

property() { sed -nE "s/^$1=[[:space:]]*(.*)/\1/p" "$CONFIG" | tail -n 1; }

# Frees a port needed by nats-server, or stops with a clear message.
claim_port() {
  local port=$1 what=$2
  port_in_use "$port" || return 0
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nats-server 2>/dev/null; then
    say "the nats-server package started its own system service, which holds port $port."
    say "Gaimace runs nats-server with $NATS_CONF instead: stopping and disabling that service."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo systemctl disable --now nats-server
    for _ in $(seq 1 50); do port_in_use "$port" || return 0; sleep 0.2; done
  fi
  die "port $port ($what) is taken by another program; stop it, or change the port in $NATS_CONF"
}

start_nats() {
  local client monitor websocket
  client=$(conf_port client)
  monitor=$(conf_port monitor)
  websocket=$(conf_port websocket)
  if running "$NATS_PID" "$NATS_CMD" && [ "$NATS_CONF" -nt "$NATS_PID" ]; then
    say "$NATS_CONF changed since nats-server started; restarting it"
    stop_process "$SERVER_PID" "the Gaimace server" "$SERVER_CMD"
    stop_process "$NATS_PID" nats-server "$NATS_CMD"
  fi
  if running "$NATS_PID" "$NATS_CMD"; then
    say "nats-server is running already (pid $(<"$NATS_PID")); reusing it"
  else
    rm -f "$NATS_PID"
    claim_port "$client" "NATS clients"
    claim_port "$monitor" "NATS monitoring"
    claim_port "$websocket" "NATS WebSocket"
    say "starting nats-server -c $NATS_CONF (log $NATS_LOG)"
    nohup nats-server -c "$NATS_CONF" >>"$NATS_LOG" 2>&1 &
    echo $! >"$NATS_PID"
  fi
  wait_for 30 "$NATS_PID" "$NATS_LOG" http_ok "$monitor" /healthz
}

gaimace_ready() {
  [ -s "$ADMIN_TOKEN" ] || return 1
  if [ "$HTTP_PORT" -gt 0 ]; then
    http_ok "$HTTP_PORT" /healthz
  else
    grep -q ' - serving; ' "$SERVER_LOG"
  fi
}

start_server() {
  if running "$SERVER_PID" "$SERVER_CMD"; then
    say "restarting the Gaimace server to run the fresh build"
    stop_process "$SERVER_PID" "the Gaimace server" "$SERVER_CMD"
  fi
  rm -f "$SERVER_PID"
  if [ "$HTTP_PORT" -gt 0 ] && port_in_use "$HTTP_PORT"; then
    die "port $HTTP_PORT (http.port in $CONFIG) is taken by another program; stop it or change http.port"
  fi
  if [ "$WEB_PORT" -gt 0 ] && port_in_use "$WEB_PORT"; then
    die "port $WEB_PORT (web.port in $CONFIG) is taken by another program; stop it or change web.port"
  fi
  say "starting the Gaimace server (log $SERVER_LOG)"
  nohup "$GAIMACE" server --config "$CONFIG" --admin-token-file "$ADMIN_TOKEN" >>"$SERVER_LOG" 2>&1 &
  echo $! >"$SERVER_PID"
  wait_for 60 "$SERVER_PID" "$SERVER_LOG" gaimace_ready
}

# An admin command against our NATS.
admin() { "$GAIMACE" "$@" --nats-url "$NATS_URL" --user admin --token-file "$ADMIN_TOKEN"; }

# Runs an admin command whose 'conflict' refusal means it was done on an earlier run.
ensure() {
  local out
  if out=$(admin "$@" 2>&1); then
    printf '    %s\n' "$out"
  elif grep -q '^error \[conflict\]' <<<"$out"; then
    printf '    exists already: %s\n' "${out#error \[conflict\]: }"
    return 1
  else
    printf '%s\n' "$out" >&2
    die "'gaimace $*' failed"
  fi
}

# Gives a demo user a token file, keeping one that still works.
ensure_token() {
  local user=$1 file=$STATE/$1.token token
  if [ -s "$file" ] &&
    "$GAIMACE" whoami --nats-url "$NATS_URL" --user "$user" --token-file "$file" >/dev/null 2>&1; then
    printf '    %s keeps its token in %s\n' "$user" "$file"
    return 0
  fi
  token=$(admin token create "$user" --label demo 2>/dev/null) || die "cannot create a token for $user"
  token=${token%%$'\n'*}
  [ -n "$token" ] || die "cannot create a token for $user"
  (umask 077 && printf '%s\n' "$token" >"$file")
  printf '    new token for %s in %s\n' "$user" "$file"
}

setup_demo() {
  say "demo users alice and bob, public room 'lobby'"
  ensure user add alice --name Alice || true
  ensure user add bob --name Bob || true
  if ! ensure room create lobby --name Lobby --topic "Say hello" --public \
    --member alice --member bob; then
    local user out
    for user in alice bob; do
      out=$(admin room add-member lobby "$user" 2>&1) || { printf '%s\n' "$out" >&2; die "cannot add $user to lobby"; }
      printf '    %s\n' "$out"
    done
  fi
  ensure_token alice
  ensure_token bob
}

print_summary() {
  local ws monitor env_line=""
  ws=$(conf_port websocket)
  monitor=$(conf_port monitor)
  [ "$NATS_URL" = "$DEFAULT_NATS_URL" ] || env_line="  export GAIMACE_NATS_URL=$NATS_URL"$'\n'
  cat <<EOF

Gaimace is running.
  NATS             $NATS_URL   (pid $(<"$NATS_PID"), log $NATS_LOG)
  NATS WebSocket   ws://127.0.0.1:$ws   (for browsers)
  web client       ${WEB_URL:-off (web.port=-1)}
  NATS monitoring  http://127.0.0.1:$monitor/
  Gaimace server   pid $(<"$SERVER_PID"), log $SERVER_LOG
  health, metrics  http://127.0.0.1:$HTTP_PORT/healthz   http://127.0.0.1:$HTTP_PORT/metrics
  admin token      $ADMIN_TOKEN   (user 'admin'; keep it secret)
  demo             users alice and bob, both in the public room 'lobby'

Chat in the browser: open ${WEB_URL:-(web.port=-1 in $CONFIG: no web client)}
  and sign in as alice with  $(cat "$STATE/alice.token")
          or as bob with    $(cat "$STATE/bob.token")
  (the tokens are in $STATE/alice.token and $STATE/bob.token; keep them secret)

Chat as alice and bob from two terminals (/help lists the commands inside, /quit leaves):
${env_line}  scripts/gaimace chat --token-file $STATE/alice.token
  scripts/gaimace chat --token-file $STATE/bob.token

Administer (as admin: $ADMIN_TOKEN is used by default from this directory):
${env_line}  scripts/gaimace user list
  scripts/gaimace user add carol --name Carol
  scripts/gaimace token create carol --ttl 30d     # prints only the token
  scripts/gaimace room create team --member alice --member carol
  scripts/gaimace room list
  scripts/gaimace --help

AI agents: ${AGENTS_LINE}
  In the chat: @sage how deep do I plant garlic?   /agents   /poll @sage @quill QUESTION
  /chain @sage @quill QUESTION   (see docs/agents.md)

Stop with ./run.sh stop; the data stays in $STATE/jetstream and ./run.sh starts it again.
EOF
}

# A configuration written before the web client existed gets its web.* keys (docs/web.md).
add_web_config() {
  grep -q '^web\.port=' "$CONFIG" && return 0
  say "adding the web client's keys to $CONFIG"
  printf '# The web client (docs/web.md).\nweb.host=127.0.0.1\nweb.port=9080\nweb.nats-websocket-url=ws://127.0.0.1:%s\n' \
    "$(conf_port websocket)" >>"$CONFIG"
}

main() {
  case ${1:-start} in
    start) ;;
    stop)
      stop_all
      say "stopped"
      return 0
      ;;
    *) die "usage: ./run.sh [stop]" ;;
  esac

  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven (apt-get install maven)"
  scripts/install-nats.sh
  say "building (mvn -q -B -DskipTests install)"
  # shellcheck disable=SC2086 # MVN_FLAGS holds several words on purpose.
  mvn -q -B -DskipTests ${MVN_FLAGS:-} install

  if [ ! -f "$CONFIG" ]; then
    say "first run: writing a configuration with fresh secrets"
    "$GAIMACE" init --dir "$STATE" | sed 's/^/    /'
  fi
  [ -f "$NATS_CONF" ] || die "$NATS_CONF is missing; recreate both files with: scripts/gaimace init --force"

  NATS_URL=$(property nats.urls | cut -d, -f1)
  NATS_URL=${NATS_URL:-$DEFAULT_NATS_URL}
  HTTP_PORT=$(property http.port)
  HTTP_PORT=${HTTP_PORT:-9090}
  add_web_config
  WEB_PORT=$(property web.port)
  WEB_PORT=${WEB_PORT:--1}
  WEB_URL=""
  WEB_HOST=$(property web.host)
  [ "$WEB_PORT" -lt 0 ] || WEB_URL="http://${WEB_HOST:-127.0.0.1}:$WEB_PORT/"

  start_nats
  start_server
  setup_demo
  start_agents
  if [ -n "${GAIMACE_LLM_URL:-}" ]; then
    AGENTS_LINE="sage and quill answer in the lobby (logs $STATE/agent-*.log)"
  else
    AGENTS_LINE="none; set GAIMACE_LLM_URL (and GAIMACE_LLM_MODEL) and run ./run.sh again"$'\n'"  (Ollama: http://localhost:11434/v1   llama.cpp server: http://localhost:8080/v1)"
  fi
  print_summary
}

main "$@"
