#!/usr/bin/env bash
# The AWS API emulator for Vigil's tests: moto's server, at a pinned version, in a virtualenv under
# build/ (never installed system-wide, never by hand).
#
#   scripts/moto.sh install        create build/moto-venv if it is missing or holds another version
#   scripts/moto.sh python         print the virtualenv's python (installing first if needed)
#
# The Java test harness (vigil-testkit's MotoServer) calls this script and starts the server on a
# free loopback port itself.
set -euo pipefail
MOTO_VERSION="5.2.5"
MOTO_EXTRAS="server,ec2,s3,iam,kms,rds,cloudtrail,awslambda,eks,cloudfront,logs,cloudwatch,sns,secretsmanager,config,guardduty,elbv2,sts"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/build/moto-venv"
stamp="$venv/.vigil-moto-$MOTO_VERSION"

install() {
    if [[ -f "$stamp" ]]; then return 0; fi
    local py
    py="$(command -v python3 || true)"
    if [[ -z "$py" ]]; then echo "moto.sh: python3 not found; the AWS emulator needs Python 3.9 or newer" >&2; exit 1; fi
    mkdir -p "$here/build"
    # A lock so that two test JVMs starting at once do not build the same virtualenv twice.
    exec 9>"$here/build/.moto-venv.lock"
    flock 9
    if [[ -f "$stamp" ]]; then return 0; fi
    rm -rf "$venv"
    echo "moto.sh: installing moto[server] $MOTO_VERSION into $venv" >&2
    "$py" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[$MOTO_EXTRAS]==$MOTO_VERSION" >&2
    touch "$stamp"
}

case "${1:-install}" in
    install) install ;;
    python) install; echo "$venv/bin/python" ;;
    *) echo "usage: scripts/moto.sh install|python" >&2; exit 2 ;;
esac
