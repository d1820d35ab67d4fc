# Sourced by ./vigil, ./test.sh and the bench scripts. Exports JAVA_HOME pointing at a JDK 21 or
# newer, looking at JAVA_HOME first, then the `java` on PATH, then every JDK under /usr/lib/jvm
# (newest first). Fails with one line when none is found.

vigil_java_major() { # prints the major version of the java binary given as $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  case "$v" in 1.*) v=${v#1.}; v=${v%%.*};; esac
  echo "${v:-0}"
}

vigil_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(vigil_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(vigil_java_major "$candidate/bin/java")" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    if [ -x "$candidate/bin/javac" ] && [ "$(vigil_java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  echo "vigil: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one and set JAVA_HOME" >&2
  return 1
}

vigil_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
