#!/usr/bin/env bash
# Training and inference throughput of the benchmark network, latticeq (DL4J with the periodic
# convolution layer) against PyTorch (Debian python3-torch, circular padding, 2 threads), measured
# in one run: rounds alternate between the two so that both see the same machine load; each
# figure is the best of the rounds. The last line is `ratio <latticeq/pytorch training samples/s>`.
#
# Network: conv 4->16 k3, tanh, conv 16->16 k3, tanh, global average pool, dense 16 (LeakyReLU),
# dense 2, MSE, AdamW/AMSGrad, batch 100, inputs (4, 60, 4) float32. Also: inference on 200x10,
# the largest search-space network (3 conv layers, 22 channels, kernel 3), and DL4J's stock
# ConvolutionLayer (zero padding) as the "before" figure. The latticeq side runs with
# Nd4jThreads.singleThreadedOps() (ND4J's own ops on one thread; the float32 convolutions run on
# oneDNN with one OpenMP thread per core); PyTorch uses torch.set_num_threads(2).
#
# Each training measurement follows BENCH_WARMUP seconds (default 20) of untimed steps, on both sides,
# each inference measurement 3 s: a fresh JVM's training rate climbs for about 15 s while the JIT
# compiles DL4J's step (docs/benchmarks-history.md, fifth pass); PyTorch's rate does not depend on the warm-up
# (8,700 / 8,300 samples/s after 2 s, 9,800 / 8,000 after 20 s, alternating). BENCH_TORCH_WARMUP
# overrides PyTorch's warm-up alone.
#
# Environment: BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 3),
# BENCH_STOCK=0 to skip the stock DL4J figure, MVN_OFFLINE=0 to let Maven download.
set -euo pipefail
cd "$(dirname "$0")/.."
SEC=${BENCH_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
WARM=${BENCH_WARMUP:-20}
TORCH_WARM=${BENCH_TORCH_WARMUP:-$WARM}
PY=/usr/bin/python3

if ! "$PY" -c "import torch" 2>/dev/null; then
    echo "installing python3-torch (Debian) ..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi

MVN=(mvn -B -q)
[ "${MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >&2
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
# As in the notebook kernel (environment/kernel.json): JavaCPP would otherwise read /proc/self/statm at
# every native allocation ND4J makes (shape descriptors of every small op), 10-15 % of a training step.
JVM=(java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "$CP")

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start" | tee -a "$LOG"
if [ "${BENCH_STOCK:-1}" = 1 ]; then
    "${JVM[@]}" latticeq.nn.TrainingBenchmark stock "$SEC" default "$WARM" 2>/dev/null | tee -a "$LOG"
fi
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r" | tee -a "$LOG"
    "${JVM[@]}" latticeq.nn.TrainingBenchmark latticeq "$SEC" single "$WARM" 2>/dev/null | tee -a "$LOG"
    "$PY" environment/bench_torch.py "$SEC" 2 "$TORCH_WARM" | tee -a "$LOG"
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end" | tee -a "$LOG"

# Best of the rounds per measurement (wall-clock samples/s), then the training ratio.
awk '
/samples\/s/ {
    key = $1 " " $2 " " $3
    if (!(key in best) || $4 > best[key]) best[key] = $4
    if (!(key in seen)) { order[++n] = key; seen[key] = 1 }
}
END {
    print "best of rounds (samples/s):"
    for (i = 1; i <= n; i++) printf "  %-32s %10.1f\n", order[i], best[order[i]]
    l = best["latticeq train 60x4"]; p = best["pytorch train 60x4"]
    if (p > 0 && l > 0) printf "ratio %.2f\n", l / p
    else print "ratio unavailable"
}' "$LOG"
