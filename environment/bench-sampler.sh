#!/usr/bin/env bash
# JMH benchmark of worm head steps per second, fast WormSampler vs ReferenceWormSampler, on 60x4
# and 200x10 at eta = 4.01, lambda = 1, mu = 1.05 (single thread). Prints JMH's table, then the
# fast/reference ratio per lattice from the same run. Extra arguments go to JMH (e.g. -p lattice=60x4).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile >&2 || mvn -B -q test-compile >&2
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2 \
  || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
csv=target/bench-sampler.csv
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  'latticeq.bench.WormBenchmark' -rf csv -rff "$csv" "$@"
echo
echo "worm head steps per second (JMH aux counter headSteps), fast / reference:"
awk -F, '
  { sub(/\r$/, "") }
  NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
  {
    b = $(col["Benchmark"]); gsub(/"/, "", b)
    if (b !~ /:headSteps$/) next
    lat = $(col["Param: lattice"]); gsub(/"/, "", lat)
    smp = $(col["Param: sampler"]); gsub(/"/, "", smp)
    score[lat "," smp] = $(col["Score"]); err[lat "," smp] = $(col["Score Error (99.9%)"]); lats[lat] = 1
  }
  END {
    for (l in lats) {
      f = score[l ",fast"]; r = score[l ",reference"]
      printf "  %-7s fast %.3g +- %.2g /s   reference %.3g +- %.2g /s   ratio %.1f\n", l, f, err[l ",fast"], r, err[l ",reference"], (r > 0 ? f / r : 0)
    }
  }' "$csv"
