#!/usr/bin/env bash
# Runs every test of Vigil: unit tests, every rule's examples, the catalog checks, the end-to-end
# scans of the bundled examples, and the live AWS scans against moto's emulator. Needs a JDK 21+
# (found automatically), Maven with access to Maven Central, and python3 with pip access to PyPI
# (for the emulator, installed at a pinned version under build/), and PostgreSQL (Debian's package,
# installed by scripts/postgres.sh when missing, which needs root); nothing is installed by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
. scripts/jdk.sh
. scripts/maven.sh
echo "test.sh: using $JAVA_HOME" >&2

# What to stop when the run ends, however it ends.
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done' EXIT
trap 'exit 130' INT TERM

# One emulator for the whole run; the test harness (vigil-testkit's MotoServer) would otherwise
# start one per test JVM.
if [[ -z "${VIGIL_MOTO_URL:-}" ]]; then
    python="$(scripts/moto.sh python)"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    mkdir -p build
    # AWS managed policies (AWSSupportAccess, AdministratorAccess) exist in moto only when it loads them.
    MOTO_IAM_LOAD_MANAGED_POLICIES=true "$python" -m moto.server -H 127.0.0.1 -p "$port" > build/moto-test.log 2>&1 &
    moto_pid=$!
    cleanup+=("kill $moto_pid 2>/dev/null")
    for _ in $(seq 1 150); do
        if curl -sf "http://127.0.0.1:$port/moto-api/" > /dev/null 2>&1; then break; fi
        if ! kill -0 "$moto_pid" 2>/dev/null; then echo "test.sh: moto did not start; see build/moto-test.log" >&2; exit 1; fi
        sleep 0.2
    done
    export VIGIL_MOTO_URL="http://127.0.0.1:$port"
    echo "test.sh: AWS emulator (moto) at $VIGIL_MOTO_URL" >&2
fi
# One PostgreSQL server for the whole run; the test harness (vigil-testkit's PostgresServer) would
# otherwise start one per test JVM.
if [[ -z "${VIGIL_PG_URL:-}" ]]; then
    started=$(date +%s%N)
    VIGIL_PG_URL="$(scripts/postgres.sh start)"
    pg_port="${VIGIL_PG_URL#jdbc:postgresql://127.0.0.1:}"; pg_port="${pg_port%%/*}"
    cleanup+=("scripts/postgres.sh stop $pg_port")
    export VIGIL_PG_URL
    echo "test.sh: PostgreSQL on 127.0.0.1:$pg_port, started in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
fi
mvn -B -ntp install "$@"
