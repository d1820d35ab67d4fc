#!/usr/bin/env bash
# A real PostgreSQL server for Vigil's tests: Debian's `postgresql` package (installed by this script
# when missing, never by hand), run as the `postgres` system user (PostgreSQL refuses to run as root)
# from a throw-away data directory on a loopback port.
#
#   scripts/postgres.sh install        install Debian's postgresql package unless an initdb is found
#                                      under /usr/lib/postgresql/*/bin (needs root and apt)
#   scripts/postgres.sh start [PORT]   install if needed, then initdb and start a server on 127.0.0.1:PORT
#                                      (a free port when none is given), with database `vigil` owned by
#                                      role `vigil` (LOGIN CREATEDB, a random password); prints
#                                      jdbc:postgresql://127.0.0.1:PORT/vigil?user=vigil&password=... on stdout
#   scripts/postgres.sh stop DIR|PORT  stop that server (pg_ctl stop -m fast) and remove its data directory
#   scripts/postgres.sh dir PORT       print the data directory a server on PORT uses
#
# The data directory is build/pg-PORT in the checkout. The postgres user must be able to reach it; when
# it cannot (a parent directory it may not traverse) or when the path is too long for a Unix socket,
# /tmp/vigil-pg-UID/pg-PORT is used instead. The Unix socket lives in the data directory, so the
# server never touches /var/run/postgresql. Run as a non-root user, the server runs as that user.
#
# The Java test harness (vigil-testkit's PostgresServer) and ./test.sh call this script; the server
# is tuned for tests (fsync off): never keep data in it.
# VIGIL_PG_BIN overrides the directory holding initdb, pg_ctl, postgres, pg_isready and psql.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin() { # prints the directory holding initdb, or nothing
    if [[ -n "${VIGIL_PG_BIN:-}" ]]; then
        [[ -x "$VIGIL_PG_BIN/initdb" ]] && echo "$VIGIL_PG_BIN"
        return 0
    fi
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV | while read -r b; do
        if [[ -x "$b/initdb" && -x "$b/postgres" ]]; then echo "$b"; break; fi; done)"
    if [[ -n "$d" ]]; then echo "$d"; return 0; fi
    if command -v initdb > /dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

install() {
    if [[ -n "$(find_bin)" ]]; then return 0; fi
    if [[ -n "${VIGIL_PG_BIN:-}" ]]; then die "VIGIL_PG_BIN=$VIGIL_PG_BIN holds no initdb"; fi
    if [[ $EUID -ne 0 ]]; then die "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin) and only root can install it: run 'apt-get install postgresql' as root"; fi
    command -v apt-get > /dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not here to install it"
    mkdir -p "$here/build"
    # A lock so that two test JVMs starting at once do not run apt-get together.
    exec 9>"$here/build/.pg-install.lock"
    flock 9
    if [[ -n "$(find_bin)" ]]; then return 0; fi
    echo "postgres.sh: installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql)
    # Try with the package lists already here; when they are missing or stale, update them once and retry.
    if ! "${apt[@]}" > "$here/build/pg-install.log" 2>&1; then
        apt-get update -q >> "$here/build/pg-install.log" 2>&1 || die "apt-get update failed; see $here/build/pg-install.log"
        "${apt[@]}" >> "$here/build/pg-install.log" 2>&1 || die "apt-get install postgresql failed; see $here/build/pg-install.log"
    fi
    [[ -n "$(find_bin)" ]] || die "postgresql was installed but no initdb was found under /usr/lib/postgresql/*/bin"
}

# The user the server runs as: postgres when we are root (created when missing), else ourselves.
pg_user() {
    if [[ $EUID -ne 0 ]]; then id -un; return 0; fi
    if ! id -u postgres > /dev/null 2>&1; then
        echo "postgres.sh: creating the postgres system user" >&2
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /bin/sh postgres \
            || die "could not create the postgres system user"
    fi
    echo postgres
}

as_pg() { # runs "$@" as the server's user, from /, with a plain environment
    if [[ $EUID -ne 0 ]]; then (cd / && "$@"); return; fi
    if command -v runuser > /dev/null 2>&1; then
        (cd / && runuser -u postgres -- env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@")
    else
        local q; q="$(printf '%q ' "$@")"
        (cd / && su postgres -s /bin/sh -c "env -i PATH=/usr/bin:/bin LANG=C.UTF-8 $q")
    fi
}

# The directory holding the data directories: build/ in the checkout when the server's user can reach
# it and a socket path in it is short enough (Unix sockets allow 107 bytes), else one under /tmp.
base_dir() {
    local base="$here/build"
    mkdir -p "$base"
    # The socket is DIR/pg-PORT/.s.PGSQL.PORT: 27 bytes past the base directory.
    if (( ${#base} + 27 <= 107 )) && as_pg test -x "$base" 2> /dev/null; then
        echo "$base"; return 0
    fi
    base="/tmp/vigil-pg-$(id -u)"
    mkdir -p "$base"
    chmod 755 "$base"
    echo "postgres.sh: $here/build is out of the server user's reach or too long a path for a Unix socket; data directories go under $base" >&2
    echo "$base"
}

data_dir() { # PORT: the data directory of the server on that port, where it is or would be
    local port="$1"
    if [[ -d "$here/build/pg-$port" ]]; then echo "$here/build/pg-$port"
    elif [[ -d "/tmp/vigil-pg-$(id -u)/pg-$port" ]]; then echo "/tmp/vigil-pg-$(id -u)/pg-$port"
    else echo "$here/build/pg-$port"
    fi
}

port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$(( 20000 + RANDOM % 30000 ))
        if ! port_in_use "$p" && [[ ! -e "$here/build/pg-$p" ]]; then echo "$p"; return 0; fi
    done
    die "no free loopback port found"
}

stop_dir() { # DIR: stop the server of that data directory, if any, and remove the directory
    local dir="$1" bin
    [[ -d "$dir" ]] || return 0
    [[ -f "$dir/.vigil-pg" ]] || die "$dir is not a data directory this script made; not removing it"
    bin="$(find_bin)"
    if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
        as_pg "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

start_on() { # PORT: initdb and start; prints the JDBC URL; returns 1 when the server did not start
    local port="$1" bin user base dir password
    bin="$(find_bin)"
    user="$(pg_user)"
    base="$(base_dir)"
    dir="$base/pg-$port"
    stop_dir "$dir" # a directory left by a run that died
    mkdir -p "$dir"
    touch "$dir/.vigil-pg"
    chown "$user:" "$dir" 2> /dev/null || true
    chmod 700 "$dir"
    # Trust over the socket in the data directory (only its owner can reach it); passwords over TCP.
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions > "$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
    cat >> "$dir/data/postgresql.conf" <<EOF
# Set by scripts/postgres.sh: a server for tests only.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 32MB
logging_collector = off
EOF
    if ! as_pg "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -s > /dev/null 2>&1; then
        echo "postgres.sh: the server did not start on port $port:" >&2
        tail -n 5 "$dir/server.log" >&2 || true
        stop_dir "$dir"
        return 1
    fi
    for _ in $(seq 1 100); do
        if as_pg "$bin/pg_isready" -q -h "$dir" -p "$port"; then break; fi
        sleep 0.1
    done
    as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { stop_dir "$dir"; die "the server on port $port does not answer"; }
    password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    as_pg "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "create role vigil login createdb password '$password'" \
        -c "create database vigil owner vigil" > /dev/null \
        || { stop_dir "$dir"; die "could not create the vigil role and database"; }
    echo "jdbc:postgresql://127.0.0.1:$port/vigil?user=vigil&password=$password"
}

start() {
    install
    if [[ -n "${1:-}" ]]; then
        [[ "$1" =~ ^[0-9]+$ ]] || die "port must be a number, not '$1'"
        start_on "$1" || die "could not start PostgreSQL on port $1"
        return 0
    fi
    # A port chosen here can be taken before the server binds it: try a few.
    for _ in 1 2 3; do
        if start_on "$(free_port)"; then return 0; fi
    done
    die "could not start PostgreSQL"
}

stop() {
    local arg="${1:?usage: scripts/postgres.sh stop DIR|PORT}"
    if [[ "$arg" =~ ^[0-9]+$ ]]; then stop_dir "$(data_dir "$arg")"
    elif [[ -d "$arg" ]]; then stop_dir "$(cd "$arg" && pwd)" # absolute: the server's commands run from /
    fi
}

case "${1:-}" in
    install) install ;;
    start) start "${2:-}" ;;
    stop) stop "${2:-}" ;;
    dir) data_dir "${2:?usage: scripts/postgres.sh dir PORT}" ;;
    *) echo "usage: scripts/postgres.sh install|start [PORT]|stop DIR|PORT|dir PORT" >&2; exit 2 ;;
esac
