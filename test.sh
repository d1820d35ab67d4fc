#!/usr/bin/env bash
# Runs every test of Vigil: unit tests, every rule's examples, the catalog checks and the end-to-end
# scans of the bundled examples. Needs only a JDK 21+ (found automatically) and Maven with access
# to Maven Central; nothing is installed by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
. scripts/jdk.sh
. scripts/maven.sh
echo "test.sh: using $JAVA_HOME" >&2
exec mvn -B -ntp install "$@"
