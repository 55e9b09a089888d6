#!/usr/bin/env bash
# Runs a real Neo4j Community server from its Maven Central jars, without Docker.
#
#   scripts/neo4j-local.sh fetch
#   scripts/neo4j-local.sh start  [--home DIR] [--port N] [--heap SIZE] [--pagecache SIZE] [--tls] [--auth PASSWORD]
#   scripts/neo4j-local.sh stop   [--home DIR]
#   scripts/neo4j-local.sh status [--home DIR]
#   scripts/neo4j-local.sh wipe   [--home DIR]
#
# fetch   Downloads Neo4j $NEO4J_VERSION and its runtime dependencies into .neo4j/dist/lib
#         (needs Maven and Maven Central; reused when already there).
# start   Writes DIR/conf/neo4j.conf, launches the server in the background (output in
#         DIR/logs/console.log, pid in DIR/run/pid) and waits until Bolt accepts a session.
#         Data in DIR/data is kept across restarts. --auth sets the initial password of user
#         neo4j (first start of a home only; at least 8 characters); without it auth is off.
#         --tls serves Bolt over TLS only, with a self-signed certificate (use bolt+ssc://).
# stop    SIGTERM, up to 60 s, then SIGKILL. Idempotent.
# status  Prints "running <uri> (pid N)" and exits 0, or "stopped" and exits 3.
# wipe    Deletes DIR/data (the server must be stopped).
#
# DIR defaults to .neo4j/instance-7687 in the repository; a relative DIR is taken from the
# current directory. Environment: NEO4J_VERSION (default below), JAVA_HOME (else java on PATH;
# Neo4j 5.26 runs on Java 17 or 21), NEO4J_START_TIMEOUT (seconds, default 120).
set -euo pipefail

NEO4J_VERSION="${NEO4J_VERSION:-5.26.30}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/.neo4j/dist"
LIB="$DIST/lib"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT=60
MAIN_CLASS=org.neo4j.server.CommunityEntryPoint

die() { echo "neo4j-local: $*" >&2; exit 1; }
log() { echo "neo4j-local: $*" >&2; }
usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null; then command -v java
  else die "java not found (install Java 17 or 21, or set JAVA_HOME)"; fi
}

# ---------------------------------------------------------------- fetch
fetch() {
  if [[ -f "$DIST/VERSION" && "$(cat "$DIST/VERSION")" == "$NEO4J_VERSION" && -d "$LIB" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch Neo4j from Maven Central"
  mkdir -p "$DIST"
  # One fetch at a time (parallel test set-ups on a fresh machine); the winner's jars are reused.
  if command -v flock >/dev/null && [[ -z "${NEO4J_LOCAL_FETCH_LOCKED:-}" ]]; then
    NEO4J_LOCAL_FETCH_LOCKED=1 flock "$DIST/.lock" "${BASH_SOURCE[0]}" fetch >/dev/null
    return
  fi
  if [[ -f "$DIST/VERSION" && "$(cat "$DIST/VERSION")" == "$NEO4J_VERSION" && -d "$LIB" ]]; then
    return 0
  fi
  log "fetching Neo4j $NEO4J_VERSION from Maven Central into $LIB"
  cat >"$DIST/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/neo4j-local.sh fetch: only lists the jars of the Neo4j server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.neo4j</groupId>
  <artifactId>neo4j-dist</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>$NEO4J_VERSION</version>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-dependency-plugin</artifactId>
          <version>3.8.1</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
  rm -rf "$LIB.tmp" "$DIST/VERSION"
  if ! mvn -B -q -Dstyle.color=never -f "$DIST/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$LIB.tmp" >"$DIST/mvn.log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$DIST/mvn.log" | grep -m 3 '^\[ERROR\] [^ ]' >&2 || tail -n 20 "$DIST/mvn.log" >&2
    die "mvn could not fetch org.neo4j:neo4j:$NEO4J_VERSION (is Maven Central reachable?); log: $DIST/mvn.log"
  fi
  [[ -n "$(ls "$LIB.tmp"/neo4j-server-*.jar 2>/dev/null)" ]] || die "fetched jars lack neo4j-server"
  rm -rf "$LIB"
  mv "$LIB.tmp" "$LIB"
  echo "$NEO4J_VERSION" >"$DIST/VERSION"
  log "fetched $(find "$LIB" -name '*.jar' | wc -l | tr -d ' ') jars, $(du -sh "$LIB" | cut -f1)"
}

# ---------------------------------------------------------------- options
HOME_DIR="" PORT=7687 HEAP=512m PAGECACHE=256m TLS=false PASSWORD=""
parse_options() {
  local cmd=$1; shift
  while (($#)); do
    case "$1" in
      --home) HOME_DIR="${2:?--home needs a directory}"; shift 2 ;;
      --home=*) HOME_DIR="${1#*=}"; shift ;;
      --port|--heap|--pagecache|--auth|--port=*|--heap=*|--pagecache=*|--auth=*|--tls)
        [[ $cmd == start ]] || die "$1 is an option of start only"
        case "$1" in
          --port) PORT="${2:?--port needs a number}"; shift 2 ;;
          --port=*) PORT="${1#*=}"; shift ;;
          --heap) HEAP="${2:?--heap needs a size}"; shift 2 ;;
          --heap=*) HEAP="${1#*=}"; shift ;;
          --pagecache) PAGECACHE="${2:?--pagecache needs a size}"; shift 2 ;;
          --pagecache=*) PAGECACHE="${1#*=}"; shift ;;
          --auth) PASSWORD="${2:?--auth needs a password}"; shift 2 ;;
          --auth=*) PASSWORD="${1#*=}"; shift ;;
          --tls) TLS=true; shift ;;
        esac ;;
      *) die "unknown option for $cmd: $1" ;;
    esac
  done
  if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then die "--port must be 1-65535 (got $PORT)"; fi
  [[ "$HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || die "--heap must look like 512m or 1g (got $HEAP)"
  [[ "$PAGECACHE" =~ ^[0-9]+[kKmMgG]$ ]] || die "--pagecache must look like 256m or 1g (got $PAGECACHE)"
  if [[ -n "$PASSWORD" ]]; then
    ((${#PASSWORD} >= 8)) || die "--auth password must have at least 8 characters (Neo4j's minimum)"
  fi
  [[ -n "$HOME_DIR" ]] || HOME_DIR="$ROOT/.neo4j/instance-7687"
  [[ $cmd == start ]] && mkdir -p "$HOME_DIR"
  if [[ -d "$HOME_DIR" ]]; then HOME_DIR="$(cd "$HOME_DIR" && pwd -P)"
  elif [[ "$HOME_DIR" != /* ]]; then HOME_DIR="$PWD/$HOME_DIR"; fi
  PID_FILE="$HOME_DIR/run/pid"
  CONF="$HOME_DIR/conf/neo4j.conf"
}

# ---------------------------------------------------------------- process lookup
# The pid of the server serving HOME_DIR, or nothing. A pid (from the pid file, or found by
# its command line when the file is gone) only counts if that process is this home's Neo4j:
# a stale file whose pid was reused by another program is not mistaken for a live server.
args_of() {
  if [[ -r "/proc/$1/cmdline" ]]; then tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
  else ps -ww -o args= -p "$1" 2>/dev/null || true; fi
}
is_ours() {
  local args; args="$(args_of "$1")"
  [[ "$args" == *"$MAIN_CLASS"* && "$args" == *"--home-dir=$HOME_DIR "* ]]
}
server_pid() {
  local pid
  if [[ -f "$PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && is_ours "$pid"; then echo "$pid"; return; fi
  fi
  # shellcheck disable=SC2009 # pgrep -f would need the path as a regular expression
  pid="$(ps -ww -eo pid=,args= 2>/dev/null | grep -F -- "--home-dir=$HOME_DIR " | grep -F "$MAIN_CLASS" \
         | awk 'NR==1{print $1}' || true)"
  [[ -n "$pid" ]] && is_ours "$pid" && echo "$pid"
  return 0
}
conf_value() { sed -n "s/^$1=//p" "$CONF" 2>/dev/null | tail -1; }
bolt_uri() {
  local addr; addr="$(conf_value server.bolt.listen_address)"
  [[ -n "$addr" ]] || addr="127.0.0.1:7687"
  if [[ "$(conf_value server.bolt.tls_level)" == REQUIRED ]]; then echo "bolt+ssc://$addr"; else echo "bolt://$addr"; fi
}

# ---------------------------------------------------------------- start
write_conf() {
  mkdir -p "$HOME_DIR"/{conf,data,logs,run,plugins,import}
  {
    echo "# Written by scripts/neo4j-local.sh start; rewritten on every start."
    echo "server.directories.data=$HOME_DIR/data"
    echo "server.directories.logs=$HOME_DIR/logs"
    echo "server.directories.run=$HOME_DIR/run"
    echo "server.directories.plugins=$HOME_DIR/plugins"
    echo "server.directories.import=$HOME_DIR/import"
    echo "server.default_listen_address=127.0.0.1"
    echo "server.default_advertised_address=127.0.0.1"
    echo "server.bolt.enabled=true"
    echo "server.bolt.listen_address=127.0.0.1:$PORT"
    echo "server.bolt.advertised_address=127.0.0.1:$PORT"
    echo "server.http.enabled=false"
    echo "server.https.enabled=false"
    echo "dbms.usage_report.enabled=false"
    echo "server.memory.pagecache.size=$PAGECACHE"
    echo "server.memory.heap.initial_size=$HEAP"
    echo "server.memory.heap.max_size=$HEAP"
    echo "db.tx_log.rotation.retention_policy=1 files"
    echo "# Internal setting: no 2x5 s quiet period of the Bolt event loops on shutdown."
    echo "internal.dbms.bolt.netty_server_shutdown_quiet_period=0"
    if [[ -n "$PASSWORD" ]]; then
      echo "dbms.security.auth_enabled=true"
    else
      echo "dbms.security.auth_enabled=false"
    fi
    if [[ $TLS == true ]]; then
      echo "server.bolt.tls_level=REQUIRED"
      echo "dbms.ssl.policy.bolt.enabled=true"
      echo "dbms.ssl.policy.bolt.base_directory=$HOME_DIR/certificates/bolt"
      echo "dbms.ssl.policy.bolt.private_key=private.key"
      echo "dbms.ssl.policy.bolt.public_certificate=public.crt"
      echo "dbms.ssl.policy.bolt.client_auth=NONE"
    else
      echo "server.bolt.tls_level=DISABLED"
    fi
  } >"$CONF"
}

make_certificate() {
  local dir="$HOME_DIR/certificates/bolt"
  [[ -s "$dir/private.key" && -s "$dir/public.crt" ]] && return 0
  command -v openssl >/dev/null || die "--tls needs openssl to make a self-signed certificate"
  mkdir -p "$dir/trusted" "$dir/revoked"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$dir/private.key" -out "$dir/public.crt" 2>/dev/null \
    || die "openssl could not make a certificate in $dir"
  chmod 600 "$dir/private.key"
}

# Fails when something (anyone's server) already listens on 127.0.0.1:PORT.
port_free() {
  (cd "$ROOT" && node -e '
    const s = require("node:net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
  ' "$1")
}

# Waits until the server with pid $1 accepts a Bolt session at $2; exit 0 ready, 2 died, 1 timeout.
wait_bolt() {
  (cd "$ROOT" && NEO4J_LOCAL_PASSWORD="$PASSWORD" node -e '
    const neo4j = require("neo4j-driver");
    const [pid, uri, seconds] = [Number(process.argv[1]), process.argv[2], Number(process.argv[3])];
    const pw = process.env.NEO4J_LOCAL_PASSWORD;
    const auth = pw ? neo4j.auth.basic("neo4j", pw) : undefined;
    const deadline = Date.now() + seconds * 1000;
    const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
    (async () => {
      for (;;) {
        if (!alive()) process.exit(2);
        const driver = neo4j.driver(uri, auth, { connectionTimeout: 2000, logging: { level: "error", logger: () => {} } });
        try {
          await driver.verifyConnectivity();
          await driver.executeQuery("RETURN 1");
          await driver.close();
          process.exit(alive() ? 0 : 2);
        } catch (e) {
          await driver.close().catch(() => {});
          if (/unauthori[sz]ed|authentication/i.test(String(e && e.message))) {
            console.error(String(e.message)); process.exit(3);
          }
        }
        if (Date.now() > deadline) process.exit(1);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
  ' "$1" "$2" "$START_TIMEOUT")
}

start() {
  local pid uri java
  pid="$(server_pid)"
  if [[ -n "$pid" ]]; then
    uri="$(bolt_uri)"
    local want="bolt://127.0.0.1:$PORT"; [[ $TLS == true ]] && want="bolt+ssc://127.0.0.1:$PORT"
    [[ "$uri" == "$want" ]] || die "$HOME_DIR is already running at $uri (pid $pid); stop it first"
    log "already running at $uri (pid $pid)"
    echo "$uri"
    return 0
  fi
  rm -f "$PID_FILE"
  command -v node >/dev/null || die "node not found (needed to probe Bolt)"
  port_free "$PORT" || die "port $PORT on 127.0.0.1 is already in use by another process; choose another --port"
  fetch
  java="$(java_bin)"
  local jv; jv="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [[ "$jv" == 17 || "$jv" == 21 ]] || log "warning: Neo4j 5.26 supports Java 17 and 21; $java is Java $jv"

  write_conf
  [[ $TLS == true ]] && make_certificate
  if [[ -n "$PASSWORD" ]]; then
    if [[ -d "$HOME_DIR/data/databases/system" ]]; then
      log "note: --auth sets the password on a home's first start only; $HOME_DIR keeps the password it has"
    else
      NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" "$java" -cp "$LIB/*" org.neo4j.cli.AdminTool \
        dbms set-initial-password "$PASSWORD" >>"$HOME_DIR/logs/admin.log" 2>&1 \
        || { tail -n 20 "$HOME_DIR/logs/admin.log" >&2; die "could not set the initial password"; }
    fi
  fi

  local jvm=(
    "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
  )
  local cmd=("$java" "${jvm[@]}" -cp "$HOME_DIR/plugins/*:$LIB/*" "$MAIN_CLASS"
             "--home-dir=$HOME_DIR" "--config-dir=$HOME_DIR/conf" --console-mode)
  echo "=== $(date -u +%FT%TZ) start: port $PORT, tls $TLS, auth $([[ -n $PASSWORD ]] && echo on || echo off)" \
    >>"$HOME_DIR/logs/console.log"
  # The server gets its own session (no terminal hang-ups) and no inherited stdio (so callers
  # that wait for this script's output do not wait for the server). It writes its own pid.
  local launcher=(); command -v setsid >/dev/null && launcher=(setsid)
  # shellcheck disable=SC2016 # $$ and $1 belong to the inner shell
  nohup ${launcher[@]+"${launcher[@]}"} bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" "${cmd[@]}" \
    </dev/null >>"$HOME_DIR/logs/console.log" 2>&1 &
  local t0=$SECONDS
  for _ in $(seq 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "the server did not start (no pid); see $HOME_DIR/logs/console.log"
  uri="bolt://127.0.0.1:$PORT"; [[ $TLS == true ]] && uri="bolt+ssc://127.0.0.1:$PORT"
  local rc=0; wait_bolt "$pid" "$uri" || rc=$?
  if ((rc != 0)); then
    case $rc in
      1) log "Bolt at $uri not ready after ${START_TIMEOUT}s; stopping the server" ;;
      2) log "the server exited before Bolt was ready" ;;
      3) log "Bolt at $uri refused the credentials (was this home first started with another password or without --auth?)" ;;
      *) log "Bolt probe failed ($rc)" ;;
    esac
    if kill -0 "$pid" 2>/dev/null && is_ours "$pid"; then stop_pid "$pid"; else rm -f "$PID_FILE"; fi
    echo "--- last lines of $HOME_DIR/logs/console.log:" >&2
    tail -n 40 "$HOME_DIR/logs/console.log" >&2
    exit 1
  fi
  log "ready at $uri (pid $pid, $((SECONDS - t0)) s)"
  echo "$uri"
}

# ---------------------------------------------------------------- stop / status / wipe
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((STOP_TIMEOUT * 5))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null && is_ours "$pid"; then
    log "pid $pid still running after ${STOP_TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
}

stop() {
  local pid; pid="$(server_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    echo "stopped"
    return 0
  fi
  stop_pid "$pid"
  echo "stopped"
}

status() {
  local pid; pid="$(server_pid)"
  if [[ -n "$pid" ]]; then echo "running $(bolt_uri) (pid $pid, home $HOME_DIR)"; return 0; fi
  echo "stopped (home $HOME_DIR)"
  return 3
}

wipe() {
  [[ -z "$(server_pid)" ]] || die "$HOME_DIR is running: stop it before wipe"
  rm -rf "$HOME_DIR/data"
  echo "wiped $HOME_DIR/data"
}

# ---------------------------------------------------------------- main
(($#)) || usage
command="$1"; shift
case "$command" in
  fetch) (($# == 0)) || die "fetch takes no options"; fetch; echo "$LIB" ;;
  start|stop|status|wipe) parse_options "$command" "$@"; "$command" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
