#!/usr/bin/env bash
# Benchmark: write SCANS scans (default 10) of RESULTS results each (default 100,000) into a fresh
# findings store, SQLite and then PostgreSQL (a throw-away server started through scripts/postgres.sh,
# or the one VIGIL_PG_URL names), and print a Markdown table row per scan for docs/benchmarks.md:
# the time Store.record took and the database's size after it.
# Usage: bench/store-write.sh [SCANS] [RESULTS] [sqlite|postgresql|both]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scans="${1:-10}"
results="${2:-100000}"
which="${3:-both}"
. scripts/jdk.sh
. scripts/maven.sh
out="$here/build/bench"
mkdir -p "$out"
# Compiles vigil-store with its test classes (the benchmark lives there) and writes their class path;
# nothing is installed into the local Maven repository.
mvn -B -o -q -Dstyle.color=never -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/store-classpath.txt" -pl vigil-store -am >&2
cp="vigil-store/target/test-classes:vigil-store/target/classes:$(cat "$out/store-classpath.txt")"
run() {
    java --enable-native-access=ALL-UNNAMED -cp "$cp" dev.vigil.store.bench.StoreWriteBench "$@" 2> >(grep -v '^SLF4J' >&2)
}
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" >&2
if [[ "$which" == sqlite || "$which" == both ]]; then
    run sqlite "$out/store-write.db" "$scans" "$results"
fi
if [[ "$which" == postgresql || "$which" == both ]]; then
    run postgresql - "$scans" "$results" | tail -n +3 \
        || echo "PostgreSQL: not measured (scripts/postgres.sh could not start a server here)" >&2
fi
