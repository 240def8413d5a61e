#!/usr/bin/env bash
# How to split the cores between independent trainings (the study's families x sizes x runs):
# total training samples/s of the study's default EQ network (conv 16-16 k3, linear readout,
# batch 100, 60x4) for
#   1 x all   one training, oneDNN's OpenMP team over all cores (a notebook's plain training)
#   k x 1     k trainings on k Java threads of one JVM, one OpenMP thread each (ParallelFits)
#   k x all   k trainings in one JVM with the default team each (what to avoid)
#   k procs   k JVMs with OMP_NUM_THREADS=1 (run-notebooks running notebooks side by side)
# with k = the number of cores. Rounds alternate the settings; the last line is
# `ratio <best k x 1 / best 1 x all>`. Environment: BENCH_SECONDS (default 10), BENCH_WARMUP
# (default 15), BENCH_ROUNDS (default 2), MVN_OFFLINE=0 to let Maven download.
set -euo pipefail
cd "$(dirname "$0")/.."
SEC=${BENCH_SECONDS:-10}
WARM=${BENCH_WARMUP:-15}
ROUNDS=${BENCH_ROUNDS:-2}
K=$(nproc)
MVN=(mvn -B -q)
[ "${MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >&2
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
JVM=(java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "$CP" latticeq.nn.ThreadSplitBenchmark)
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "machine: $K cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r"
  a=$("${JVM[@]}" 1 0 "$SEC" "$WARM" 2>/dev/null | awk '{print $4}'); echo "  1 x all    $a samples/s"; echo "one $a" >> "$LOG"
  b=$("${JVM[@]}" "$K" 1 "$SEC" "$WARM" 2>/dev/null | awk '{print $4}'); echo "  $K x 1      $b samples/s"; echo "split $b" >> "$LOG"
  c=$("${JVM[@]}" "$K" 0 "$SEC" "$WARM" 2>/dev/null | awk '{print $4}'); echo "  $K x all    $c samples/s"; echo "over $c" >> "$LOG"
  tmp=$(mktemp -d)
  for i in $(seq 1 "$K"); do OMP_NUM_THREADS=1 "${JVM[@]}" 1 0 "$SEC" "$WARM" 2>/dev/null > "$tmp/$i" & done
  wait
  d=$(cat "$tmp"/* | awk '{s += $4} END {print s}'); rm -rf "$tmp"
  echo "  $K procs    $d samples/s"; echo "procs $d" >> "$LOG"
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
awk '{ if ($2 > best[$1]) best[$1] = $2 } END {
  printf "best of rounds: 1 x all %.0f, k x 1 %.0f, k x all %.0f, k procs %.0f samples/s\n", best["one"], best["split"], best["over"], best["procs"]
  printf "ratio %.2f\n", best["split"] / best["one"] }' "$LOG"
