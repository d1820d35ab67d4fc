#!/usr/bin/env bash
# Benchmark: scan a generated AWS Config snapshot of COUNT resources (default 100000) and print
# wall time, per-stage time, resources evaluated per second, peak heap after GC and max RSS as a
# Markdown table row for docs/benchmarks.md. Usage: bench/snapshot-scan.sh [COUNT] [JAVA_HEAP_OPTS]
# e.g. bench/snapshot-scan.sh 100000 -Xmx512m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
count="${1:-100000}"
heap="${2:-}"
. scripts/jdk.sh
./vigil --version >/dev/null            # builds Vigil if needed
[ -f vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar ] || (. scripts/maven.sh && mvn -B -q -DskipTests install -pl vigil-testkit -am)
out="build/bench"
mkdir -p "$out"
snap="$out/snapshot-$count.json"
cp="vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar:vigil-cli/target/lib/*"
[ -f "$snap" ] || java -cp "$cp" dev.vigil.testkit.SnapshotGenerator "$snap" "$count"

opts=(-Xlog:gc:file="$out/gc.log")
[ "$(vigil_java_major "$JAVA_HOME/bin/java")" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
[ -n "$heap" ] && opts+=("$heap")
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/rss.txt" java "${opts[@]}" -jar vigil-cli/target/vigil.jar scan "$snap" --format json -o "$out/report.json" 2>/dev/null
end=$(date +%s.%N)

python3 - "$out" "$count" "$start" "$end" "${heap:-default heap}" "$(nproc)" <<'PY'
import json, re, sys
out, count, start, end, heap, cores = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
r = json.load(open(f"{out}/report.json"))
st = r["scan"]["stageMillis"]
peak = 0
for line in open(f"{out}/gc.log"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m: peak = max(peak, int(m.group(1)))
rss = int(open(f"{out}/rss.txt").read().split()[-1]) // 1024
res, results = r["scan"]["resources"], len(r["results"])
ev = st["evaluate"] / 1000
print(f"| {count:,} items | {heap} | {cores} | {end-start:.1f} s | {st['read']/1000:.1f} s | {ev:.2f} s | "
      f"{res/ev if ev else 0:,.0f} res/s ({results/ev if ev else 0:,.0f} results/s) | {peak} MiB | {rss} MiB | {res:,} resources, {results:,} results |")
PY
