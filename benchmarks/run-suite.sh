#!/usr/bin/env bash
# Runs the benchmark suite (a few minutes) and writes docs/performance.md:
#   benchmarks/run-suite.sh                       # JMH with the suite's settings, then the probes
#   benchmarks/run-suite.sh -wi 1 -i 2            # extra arguments go to JMH (a quicker run)
#   ROUNDS=5 benchmarks/run-suite.sh              # JMH rounds, one fork per benchmark each (default 3)
#   JAVA=/path/to/bin/java benchmarks/run-suite.sh   # another JDK (virtual threads need 21+)
#   REPORT=docs/performance-jdk17.md JAVA=... benchmarks/run-suite.sh   # the report elsewhere
#   benchmarks/run-suite.sh --smoke               # CI: every benchmark and probe once, tiny sizes, no
#                                                 # timing checked; uses the built jar, writes only
#                                                 # benchmarks/target/smoke/performance.md
# Without JAVA, the suite runs on /usr/lib/jvm/temurin-25-jdk-amd64 when it exists (for the virtual
# thread columns), else on `java` from the PATH. Maven builds with the default JDK (release 17).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [ "${1:-}" = "--smoke" ]; then
  smoke=1
  shift
fi

command="benchmarks/run-suite.sh"
if [ -n "${ROUNDS:-}" ]; then
  command="ROUNDS=$ROUNDS $command"
fi
if [ -n "${JAVA:-}" ]; then
  command="JAVA=$JAVA $command"
fi
report=${REPORT:-docs/performance.md}
if [ "$report" != docs/performance.md ]; then
  command="REPORT=$report $command"
fi
if [ -z "${JAVA:-}" ]; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else
    JAVA=java
  fi
fi
jar=benchmarks/target/benchmarks.jar

# The echo server section of the report: the EchoLoad table, then its notes.
echo_section() {
  echo
  echo "## Echo server over TCP (issue 11, \`EchoLoad\`)"
  echo
  cat "$1"
  echo
  cat benchmarks/echo-notes.md
}

if [ "$smoke" -eq 0 ] || [ ! -f "$jar" ]; then
  # package, not install: the reactor resolves the modules (the processor too), and nothing lands in
  # the local repository other builds on this machine read
  mvn -B -q -ntp package -DskipTests
fi

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
vt=1
exclude=(-e 'HooksBenchmark')  # run on its own: java -jar benchmarks/target/benchmarks.jar Hooks
if [ "${feature%%.*}" -lt 21 ]; then
  vt=0
  exclude=(-e 'HooksBenchmark,Vt')      # no virtual threads before JDK 21
fi
impls=(Baton Floor Kotlin)
if [ "$vt" -eq 1 ]; then
  impls+=(Vt)
fi

if [ "$smoke" -eq 1 ]; then
  out=benchmarks/target/smoke
  rounds=1
  jmh=(-f 0 -wi 0 -i 1 -r 100ms -foe true)
  # tasks per probe: spawn, sleepers, storm, blocked
  sizes=(10000 1000 1000 10000)
else
  out=benchmarks/target/suite
  rounds=${ROUNDS:-3}
  jmh=()
  sizes=(1000000 100000 10000 1000000)
fi
mkdir -p "$out"

# JMH in rounds: each round runs every benchmark once (one fork each, in JMH's order, so a workload's
# variants run one after the other), and the report takes the medians over all rounds. Forks of one
# benchmark are then minutes apart, not back to back: on a shared machine the speed of the whole
# JVM changes in phases that last tens of seconds (the floor slows with Baton in one JVM; see
# benchmarks/performance-notes.md, seventh pass), and back-to-back forks put a whole benchmark in one
# phase and its floor in another.
: > "$out/jmh.log"
for ((round = 1; round <= rounds; round++)); do
  echo "# Round $round of $rounds" | tee -a "$out/jmh.log"
  "$JAVA" -jar "$jar" "${exclude[@]}" "${jmh[@]}" -rf csv -rff "$out/jmh-$round.csv" "$@" | tee -a "$out/jmh.log" \
    | if [ "$smoke" -eq 1 ]; then tail -40; else cat; fi
  # one CSV: the header once, then every round's rows (the report merges a benchmark's rows)
  if [ "$round" -eq 1 ]; then
    head -1 "$out/jmh-1.csv" > "$out/jmh.csv"
  fi
  tail -n +2 "$out/jmh-$round.csv" >> "$out/jmh.csv"
done

: > "$out/probes.txt"
probes=(spawn sleepers storm blocked)
for i in "${!probes[@]}"; do
  for impl in "${impls[@]}"; do
    "$JAVA" -cp "$jar" dev.baton.bench.MemoryProbe "${probes[$i]}" "$impl" "${sizes[$i]}" | tee -a "$out/probes.txt"
  done
done

# the processor's compile-time cost: javac with and without it on 500 @Async methods
if [ "$smoke" -eq 1 ]; then
  "$JAVA" -cp "$jar" dev.baton.bench.CompileTimeProbe 20 1 | tee -a "$out/probes.txt"
else
  "$JAVA" -cp "$jar" dev.baton.bench.CompileTimeProbe 500 7 | tee -a "$out/probes.txt"
fi

# the echo server over TCP: Baton vs Netty (one NIO loop) vs virtual threads (one carrier)
echo_args=()
if [ "$smoke" -eq 1 ]; then
  echo_args=(--smoke)
fi
"$JAVA" -Djdk.virtualThreadScheduler.parallelism=1 -cp "$jar" dev.baton.bench.EchoLoad "${echo_args[@]}" \
  | tee "$out/echo.md"

{
  echo "JDK: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc), $(free -g | awk '/Mem:/{print $2}') GB RAM"
  echo "Kotlin $(sed -n 's:.*<kotlin.version>\(.*\)</kotlin.version>.*:\1:p' benchmarks/pom.xml), kotlinx-coroutines $(sed -n 's:.*<kotlinx-coroutines.version>\(.*\)</kotlinx-coroutines.version>.*:\1:p' benchmarks/pom.xml), JMH $(sed -n 's:.*<jmh.version>\(.*\)</jmh.version>.*:\1:p' pom.xml)"
  echo "Date: $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "JMH in $rounds round(s): each round runs every benchmark in one fork; medians over all rounds' iterations"
  if [ "$smoke" -eq 1 ]; then
    echo "Command: \`$command --smoke${*:+ $*}\` (tiny sizes, one iteration: NOT a measurement)"
  else
    echo "Command: \`$command${*:+ $*}\`"
  fi
} > "$out/env.txt"

if [ "$smoke" -eq 1 ]; then
  "$JAVA" -cp "$jar" dev.baton.bench.Report "$out/jmh.csv" "$out/probes.txt" "$out/env.txt" "$out/jmh.log" > "$out/performance.md"
  echo_section "$out/echo.md" >> "$out/performance.md"
  grep -q '^| Baton | 100 |' "$out/performance.md" || { echo "smoke: no echo server rows" >&2; exit 1; }
  rows=$(grep -c '^| (' "$out/performance.md" || true)
  echo "smoke: wrote $out/performance.md ($rows rows)"
else
  "$JAVA" -cp "$jar" dev.baton.bench.Report "$out/jmh.csv" "$out/probes.txt" "$out/env.txt" "$out/jmh.log" \
    benchmarks/performance-notes.md > "$report"
  echo_section "$out/echo.md" >> "$report"
  echo "wrote $report"
fi
