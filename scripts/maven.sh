# Sourced after jdk.sh by the build scripts: Maven options for every build of Vigil.
# JDK 24+ warns on every start about sun.misc.Unsafe use inside Maven's own Guava; silence it there only.
if [ "$(vigil_java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
