#!/usr/bin/env bash
# Rewrites the policy block of docs/aws-permissions.md from the collectors ('vigil scan aws --print-policy').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
policy="$(./vigil scan aws --print-policy)"
python3 - "$policy" <<'PY'
import re, sys
p = "docs/aws-permissions.md"
s = open(p).read()
s = re.sub(r"```json\n.*?```", lambda m: "```json\n" + sys.argv[1] + "\n```", s, flags=re.S)
open(p, "w").write(s)
PY
