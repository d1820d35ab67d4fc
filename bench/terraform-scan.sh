#!/usr/bin/env bash
# Benchmark: scan a generated Terraform configuration of FILES .tf files (default 2000) and print
# files, resources, wall time, files per second, stage times, peak heap after GC and max RSS as a
# Markdown table row for docs/benchmarks.md.
# Usage: bench/terraform-scan.sh [FILES] [JAVA_HEAP_OPTS]     e.g. bench/terraform-scan.sh 2000 -Xmx512m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
files="${1:-2000}"
heap="${2:-}"
. scripts/jdk.sh
./vigil --version >/dev/null            # builds Vigil if needed
[ -f vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar ] || (. scripts/maven.sh && mvn -B -q -DskipTests install -pl vigil-testkit -am)
out="build/bench"
tree="build/bench-terraform"
mkdir -p "$out"
cp="vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar:vigil-cli/target/lib/*"
# The tree is deterministic (fixed seed): regenerate only when the size asked for changes.
if [ "$(cat "$tree/.files" 2>/dev/null || true)" != "$files" ]; then
  rm -rf "$tree"
  java -cp "$cp" dev.vigil.testkit.iac.TerraformTree "$tree" "$files"
  echo "$files" > "$tree/.files"
fi

opts=(-Xlog:gc:file="$out/terraform-gc.log")
[ "$(vigil_java_major "$JAVA_HOME/bin/java")" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
[ -n "$heap" ] && opts+=("$heap")
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%M" -o "$out/terraform-rss.txt"); else timer=(); rm -f "$out/terraform-rss.txt"; fi
start=$(date +%s.%N)
# Exit code 1 (a file could not be read) or 3 (failures found) still leaves a full report: record it, go on.
code=0
"${timer[@]}" java "${opts[@]}" -jar vigil-cli/target/vigil.jar scan "$tree" --format json -o "$out/terraform-report.json" \
  2>"$out/terraform-stderr.txt" || code=$?
end=$(date +%s.%N)
[ -f "$out/terraform-report.json" ] || { echo "no report written (exit $code):" >&2; cat "$out/terraform-stderr.txt" >&2; exit 1; }

python3 - "$out" "$files" "$start" "$end" "${heap:-default heap}" "$(nproc)" "$code" <<'PY'
import json, os, re, sys
out, files, start, end, heap, cores, code = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
r = json.load(open(f"{out}/terraform-report.json"))
st = r["scan"]["stageMillis"]
peak = 0
for line in open(f"{out}/terraform-gc.log"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m: peak = max(peak, int(m.group(1)))
rss = f"{int(open(f'{out}/terraform-rss.txt').read().split()[-1]) // 1024} MiB" if os.path.exists(f"{out}/terraform-rss.txt") else "n/a"
res, results, wall = r["scan"]["resources"], len(r["results"]), end - start
read = st.get("read", 0) / 1000
ev = st.get("evaluate", 0) / 1000
print(f"| {files:,} files | {heap} | {cores} | {wall:.1f} s | {read:.2f} s | {ev:.2f} s | {files / wall:,.0f} files/s "
      f"({files / read if read else 0:,.0f} files/s read) | {peak} MiB | {rss} | {res:,} resources, {results:,} results | exit {code} |")
PY
