#!/usr/bin/env bash
# Benchmark: seed moto's AWS emulator with about TOTAL resources (default 2000) over services and two
# regions, scan it with 'vigil scan aws', and print wall time, API calls, calls per resource, peak
# heap after GC and max RSS as a Markdown table row for docs/benchmarks.md.
# Usage: bench/live-scan.sh [TOTAL] [MAX_RATE]   (MAX_RATE: calls/s per region and service, default 1000:
# the emulator is local, so the rate limiter is not what is measured; pass 10 to see the default pacing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
total="${1:-2000}"
rate="${2:-1000}"
. scripts/jdk.sh
./vigil --version >/dev/null            # builds Vigil if needed
[ -f vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar ] || (. scripts/maven.sh && mvn -B -q -DskipTests install -pl vigil-testkit -am)
out="build/bench"
mkdir -p "$out"
python="$(scripts/moto.sh python)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
MOTO_IAM_LOAD_MANAGED_POLICIES=true "$python" -m moto.server -H 127.0.0.1 -p "$port" > "$out/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null; do sleep 0.2; done
url="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
cp="vigil-testkit/target/vigil-testkit-0.1.0-SNAPSHOT.jar:vigil-cli/target/lib/*"
java -cp "$cp" dev.vigil.testkit.aws.BenchSeed "$url" "$total" >&2

opts=(-Xlog:gc:file="$out/live-gc.log")
[ "$(vigil_java_major "$JAVA_HOME/bin/java")" -ge 24 ] && opts+=(--sun-misc-unsafe-memory-access=allow)
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/live-rss.txt" java "${opts[@]}" -jar vigil-cli/target/vigil.jar scan aws --endpoint-url "$url" \
    --regions us-east-1,eu-west-1 --max-rate "$rate" --no-progress --format json -o "$out/live-report.json" 2>"$out/live-stderr.txt"
end=$(date +%s.%N)

python3 - "$out" "$start" "$end" "$rate" "$(nproc)" <<'PY'
import json, re, sys
out, start, end, rate, cores = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
r = json.load(open(f"{out}/live-report.json"))
c = r["scan"]["collection"]
st = r["scan"]["stageMillis"]
peak = 0
for line in open(f"{out}/live-gc.log"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m: peak = max(peak, int(m.group(1)))
rss = int(open(f"{out}/live-rss.txt").read().split()[-1]) // 1024
res = r["scan"]["resources"]
print(f"| {res:,} resources | {rate}/s | {cores} | {end-start:.1f} s | {st['collect']/1000:.1f} s | {c['apiCalls']:,} | "
      f"{c['apiCalls']/res:.2f} | {c['throttles']} / {c['retries']} | {peak} MiB | {rss} MiB | {len(r['results']):,} results |")
PY
