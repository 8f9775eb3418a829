#!/usr/bin/env bash
# Runs the benchmark suite (a few minutes) and writes docs/performance.md.
#   benchmarks/run-suite.sh            # JMH with the suite's settings
#   JAVA=/path/to/java benchmarks/run-suite.sh   # on another JDK (virtual threads need 21+)
# Extra JMH arguments can be passed after the script name, e.g. -wi 1 -i 2 for a quicker run.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
mvn -B -q -ntp install -DskipTests
out=benchmarks/target/suite
mkdir -p "$out"

exclude=()
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
if [ "${feature%%.*}" -lt 21 ]; then
  exclude=(-e 'Vt')      # no virtual threads before JDK 21
fi

"$JAVA" -jar benchmarks/target/benchmarks.jar "${exclude[@]}" -rf csv -rff "$out/jmh.csv" "$@" | tee "$out/jmh.log"

: > "$out/memory.txt"
for w in spawnBaton spawnFloor; do
  "$JAVA" -cp benchmarks/target/benchmarks.jar dev.baton.bench.MemoryProbe "$w" >> "$out/memory.txt"
done
if [ "${#exclude[@]}" -eq 0 ]; then
  "$JAVA" -cp benchmarks/target/benchmarks.jar dev.baton.bench.MemoryProbe spawnVt >> "$out/memory.txt"
fi

{
  echo "JDK: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores), $(free -g | awk '/Mem:/{print $2}') GB"
  echo "Date: $(date -u +%Y-%m-%d)"
  echo "Command: benchmarks/run-suite.sh $*"
} > "$out/env.txt"

"$JAVA" -cp benchmarks/target/benchmarks.jar dev.baton.bench.Report "$out/jmh.csv" "$out/memory.txt" "$out/env.txt" > docs/performance.md
echo "wrote docs/performance.md"
