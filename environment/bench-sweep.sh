#!/usr/bin/env bash
# The seed-1 sweep (notebook 03's trainings) at a medium budget on the three sweep engines: local
# (one training per core), Spark local[k] in the same JVM, and a Spark standalone cluster of k
# one-core workers on 127.0.0.1 started from the Maven-resolved jars. Prints wall time, start-up,
# overhead per task and the ratio to the local engine (SweepBenchmark), and fails if an engine
# trained other bits. Heavy (minutes): run it as `flock /work/heavy.lock environment/bench-sweep.sh`.
# Environment (defaults: a medium budget, about a minute of training per engine on 2 cores):
# BENCH_PER_MU (pool configurations per training mu, default 250: a pool of 2,000),
# BENCH_SIZES (training sizes, default 400,2000), BENCH_RUNS (default 2), BENCH_EPOCHS (default 30),
# MVN_OFFLINE=0 to let Maven download.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(mvn -B -q)
[ "${MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
"${MVN[@]}" package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OPENS="$(sed -n 's:.*<latticeq.java17Options>\(.*\)</latticeq.java17Options>.*:\1:p' pom.xml)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
# shellcheck disable=SC2086
OPENBLAS_NUM_THREADS=1 java -Xmx4g -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 $OPENS \
  -cp "target/latticeq.jar:target/test-classes:$(cat target/bench-cp.txt)" latticeq.sweep.spark.SweepBenchmark \
  "${BENCH_PER_MU:-250}" "${BENCH_SIZES:-400,2000}" "${BENCH_RUNS:-2}" "${BENCH_EPOCHS:-30}" "$WORK"
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
