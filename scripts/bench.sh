#!/usr/bin/env bash
# Builds gaimace-bench and runs the full benchmarks against raw-NATS baselines on this machine.
#
#   scripts/bench.sh                      all benchmarks, full parameters
#   scripts/bench.sh latency history      some of them
#   scripts/bench.sh connections --users 5000   with a parameter changed (see --help)
#   scripts/bench.sh --smoke              tiny parameters (what the CI smoke test runs)
#
# Needs a JDK 17 and Maven; installs nats-server (scripts/install-nats.sh) when it is missing.
# MVN_FLAGS adds Maven flags (for example -o, offline); BENCH_JAVA_OPTS replaces the JVM options;
# BENCH_LOG_DIR keeps each run's nats-server log. Results are printed and appended to gaimace-bench/target/bench-results.md.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
jar=$root/gaimace-bench/target/gaimace-bench.jar
results=$root/gaimace-bench/target/bench-results.md

# 10,000 users need ~10,000 sockets in this JVM and as many in nats-server (which inherits the
# limit): raise the soft limit of open files as far as the hard limit allows.
want=32768
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then
    ulimit -n "$want"
  else
    ulimit -n "$hard"
  fi
fi

"$root/scripts/install-nats.sh" >&2

printf '==> building gaimace-bench\n' >&2
# shellcheck disable=SC2086 # MVN_FLAGS holds several words on purpose.
(cd "$root" && mvn -q -B ${MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true -pl gaimace-bench -am package) >&2

printf '==> %s, %s cores (%s), open files %s, %s\n' "$(hostname)" "$(nproc)" \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" "$(ulimit -n)" "$(date -u +%FT%TZ)" >&2

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several words on purpose.
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx8g -Xss512k -XX:+UseG1GC} -jar "$jar" --out "$results" "$@"
