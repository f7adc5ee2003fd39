#!/usr/bin/env bash
# Sourced by scripts/run and scripts/test: `. scripts/lib/postgres.sh; sanad_postgres`.
#
# sanad_postgres makes sure a PostgreSQL server is reachable and exports
#   SANAD_PG_ADMIN   superuser URL to the `postgres` database of that server
#   SANAD_PG_SOURCE  env | default | local  (which of the three ways below was used)
#
# Ways, first that works wins:
#   a. DATABASE_URL, when set and answering: the operator told us where the
#      database lives, so we never second-guess it.
#   b. postgres://postgres@127.0.0.1:5432/postgres: the usual developer/CI
#      setup (a trust-auth server on the default port).
#   c. A project-local cluster under .data/pg (gitignored), so a bare machine
#      still works without anyone configuring PostgreSQL by hand.
#
# Environment switches:
#   SANAD_PG_LOCAL=1  skip (a) and (b) and always use the local cluster (c);
#                     handy to test the bootstrap, or to keep project data off a
#                     shared server.
#
# The local cluster keeps running after the scripts exit (so the next run is
# instant). Stop it with:   pg_ctl -D .data/pg/data stop
# (as the `postgres` user when you are root:  runuser -u postgres -- pg_ctl ...).
#
# Meant for scripts that already `set -euo pipefail`; set here as well so the
# functions behave the same whoever sources them.
set -euo pipefail

# Repo root = two levels above this file, independent of the caller's cwd.
SANAD_ROOT=${SANAD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

_sanad_pg_say() { printf 'sanad: %s\n' "$*" >&2; }

# Never print passwords that may be embedded in a DATABASE_URL.
_sanad_pg_redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# Quiet, non-interactive probe: -w never prompts for a password (CI has no
# stdin) and the connect timeout keeps a firewalled host from hanging us.
_sanad_pg_reachable() {
  PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-5} psql -X -w -q "$1" -tAc 'select 1' </dev/null >/dev/null 2>&1
}

# Package installs: root directly, otherwise sudo without prompting (-n), since
# the scripts may run unattended. Anything else is a clear error, not a hang.
_sanad_pg_apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      _sanad_pg_say "need to install $* but not root and no sudo; install it and retry"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    _sanad_pg_say "need to install $* but apt-get is not available; install it and retry"
    return 1
  fi
  _sanad_pg_say "installing $* (apt-get)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Highest installed server version wins: Debian can have several side by side
# and only /usr/lib/postgresql/*/bin holds initdb/pg_ctl (they are not on PATH).
_sanad_pg_bindir() {
  local d
  local dirs=(/usr/lib/postgresql/*/bin)
  d=""
  [ -d "${dirs[0]}" ] && d=$(printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    echo "$d"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then
      echo "$d"
      return 0
    fi
  fi
  d=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  if [ -x "$d/initdb" ]; then
    echo "$d"
    return 0
  fi
  return 1
}

# (a)/(b) need a client before anything else; prefer one already on the box.
_sanad_pg_ensure_psql() {
  command -v psql >/dev/null 2>&1 && return 0
  local d
  if d=$(_sanad_pg_bindir) && [ -x "$d/psql" ]; then
    PATH="$d:$PATH"
    export PATH
    return 0
  fi
  _sanad_pg_apt_install postgresql-client
  command -v psql >/dev/null 2>&1 || {
    _sanad_pg_say "psql still missing after installing postgresql-client"
    return 1
  }
}

# Same server as a libpq URL or keyword string, but database `postgres`.
_sanad_pg_admin_from() {
  local url=$1
  if [[ $url =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?.*)?$ ]]; then
    echo "${BASH_REMATCH[1]}/postgres${BASH_REMATCH[4]}"
  else
    # Keyword form ("host=... dbname=..."): libpq lets a later key override.
    echo "$url dbname=postgres"
  fi
}

# PostgreSQL refuses to run as root, so as root every server-side command runs
# as the `postgres` system user. cwd is moved to the data area first because
# postgres may not be allowed to read the caller's cwd (initdb complains).
_sanad_pg_as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$SANAD_PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$SANAD_PG_DIR" && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

# Is anything listening on 127.0.0.1:$1? python3's bind is exact; bash's
# /dev/tcp connect is the fallback when python3 is absent.
_sanad_pg_port_free() {
  local port=$1
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$port" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
PY
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 1
    fi
  fi
}

# Stable, predictable port: probe upward from 55432 (far from the default 5432
# so we never collide with a system server).
_sanad_pg_pick_port() {
  local p
  for p in $(seq 55432 55532); do
    if _sanad_pg_port_free "$p"; then
      echo "$p"
      return 0
    fi
  done
  _sanad_pg_say "no free port in 55432-55532 for the local PostgreSQL"
  return 1
}

_sanad_pg_local() {
  SANAD_PG_DIR="$SANAD_ROOT/.data/pg"
  local data="$SANAD_PG_DIR/data" bindir port="" status=0

  if ! bindir=$(_sanad_pg_bindir); then
    _sanad_pg_apt_install postgresql
    bindir=$(_sanad_pg_bindir) || {
      _sanad_pg_say "PostgreSQL server binaries not found even after installing"
      return 1
    }
  fi

  mkdir -p "$SANAD_PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    # The Debian package creates this user; a bare image may not have it.
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
    fi
    chown -R postgres: "$SANAD_PG_DIR"
    if ! _sanad_pg_as_owner test -w "$SANAD_PG_DIR"; then
      # Typically the checkout lives under a 0700 home such as /root.
      _sanad_pg_say "user postgres cannot reach $SANAD_PG_DIR (a parent directory is closed); set DATABASE_URL or move the checkout"
      return 1
    fi
  fi

  if [ ! -s "$data/PG_VERSION" ]; then
    _sanad_pg_say "creating a local PostgreSQL cluster in .data/pg (one-time)"
    rm -rf "$data"
    # C.UTF-8 gives byte-order collation that does not depend on installed
    # locales; fall back to plain C on systems that lack it.
    if ! _sanad_pg_as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$SANAD_PG_DIR/initdb.log" 2>&1; then
      rm -rf "$data"
      _sanad_pg_as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >"$SANAD_PG_DIR/initdb.log" 2>&1 || {
        _sanad_pg_say "initdb failed, see .data/pg/initdb.log"
        return 1
      }
    fi
    # Unix socket paths are limited to ~107 bytes; a deep checkout would make
    # the server refuse to start, so fall back to TCP only (all our URLs use TCP).
    local sockdir="$SANAD_PG_DIR"
    [ "${#sockdir}" -le 90 ] || sockdir=""
    # Loopback only: trust auth must never be reachable from the network.
    _sanad_pg_as_owner sh -c "printf '%s\n' \"\$1\" \"\$2\" >> \"\$3\"" _ \
      "listen_addresses = '127.0.0.1'" \
      "unix_socket_directories = '$sockdir'" \
      "$data/postgresql.conf"
  fi

  if [ -s "$SANAD_PG_DIR/PORT" ]; then
    port=$(tr -dc 0-9 <"$SANAD_PG_DIR/PORT")
  fi

  _sanad_pg_as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    # Already running (an earlier run): the server's own pid file (line 4) is
    # the truth about its port, even if PORT was lost.
    port=$(sed -n 4p "$data/postmaster.pid")
  else
    # Not running: keep the remembered port unless someone else took it.
    if [ -z "$port" ] || ! _sanad_pg_port_free "$port"; then
      port=$(_sanad_pg_pick_port)
    fi
    # shellcheck disable=SC2016 # expanded by the inner sh, as the owner
    _sanad_pg_as_owner sh -c 'echo "$1" > "$2"' _ "$port" "$SANAD_PG_DIR/PORT"
    _sanad_pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$SANAD_PG_DIR/log" -o "-p $port" -w -t 60 start >/dev/null || {
      _sanad_pg_say "local PostgreSQL did not start, see .data/pg/log:"
      tail -n 5 "$SANAD_PG_DIR/log" >&2 || true
      return 1
    }
  fi

  SANAD_PG_ADMIN="postgres://postgres@127.0.0.1:$port/postgres"
  _sanad_pg_reachable "$SANAD_PG_ADMIN" || {
    _sanad_pg_say "local PostgreSQL in .data/pg is running but does not answer on 127.0.0.1:$port"
    return 1
  }
  SANAD_PG_SOURCE="local"
  export SANAD_PG_ADMIN SANAD_PG_SOURCE
  _sanad_pg_say "PostgreSQL: local cluster .data/pg on 127.0.0.1:$port ($("$bindir/postgres" --version | awk '{print $3}'))"
}

sanad_postgres() {
  _sanad_pg_ensure_psql

  if [ "${SANAD_PG_LOCAL:-0}" != 1 ]; then
    if [ -n "${DATABASE_URL:-}" ]; then
      if _sanad_pg_reachable "$DATABASE_URL"; then
        SANAD_PG_ADMIN=$(_sanad_pg_admin_from "$DATABASE_URL")
        SANAD_PG_SOURCE="env"
        export SANAD_PG_ADMIN SANAD_PG_SOURCE
        _sanad_pg_say "PostgreSQL: from DATABASE_URL ($(_sanad_pg_redact "$DATABASE_URL"))"
        return 0
      fi
      _sanad_pg_say "DATABASE_URL ($(_sanad_pg_redact "$DATABASE_URL")) does not answer; looking elsewhere"
    fi

    local default=postgres://postgres@127.0.0.1:5432/postgres
    if _sanad_pg_reachable "$default"; then
      SANAD_PG_ADMIN=$default
      SANAD_PG_SOURCE="default"
      export SANAD_PG_ADMIN SANAD_PG_SOURCE
      _sanad_pg_say "PostgreSQL: server on 127.0.0.1:5432 (user postgres)"
      return 0
    fi
  fi

  _sanad_pg_local
}
