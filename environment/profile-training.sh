#!/usr/bin/env bash
# Where a training step of the benchmark network (environment/bench-training.sh) spends its time:
#   1. milliseconds per step (latticeq.nn.TrainingStepProbe, as in the notebook kernel's JVM);
#   2. oneDNN primitives per step (DNNL_VERBOSE=1), summed by kind, implementation, layouts and shape;
#   3. the main thread's JFR samples by component (environment/jfr_components.py).
# Arguments: [warm-up steps, default 1500] [measured steps, default 1500]. Outputs stay in target/profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
WARM=${1:-1500}
STEPS=${2:-1500}
MVN=(mvn -B -q)
[ "${MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
"${MVN[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >&2
OUT=target/profile
mkdir -p "$OUT"
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
JVM=(java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0) # as in the notebook kernel (environment/kernel.json)
PROBE=(-cp "$CP" latticeq.nn.TrainingStepProbe "$WARM" "$STEPS")

echo "== step time"
"${JVM[@]}" "${PROBE[@]}" 2>&1 | grep "per training step"

echo "== oneDNN primitives per measured step (DNNL_VERBOSE slows them a little)"
DNNL_VERBOSE=1 "${JVM[@]}" "${PROBE[@]}" >"$OUT/dnnl-verbose.txt" 2>&1
awk -v steps="$STEPS" -F, '
  /^MEASURE/ { on = 1; next }
  on && /^onednn_verbose,exec/ { key = $4 " " $5 " " $6 " " $7 " " $(NF - 1); t[key] += $NF; n[key]++; all += $NF }
  END {
    for (k in t) printf "%8.3f ms %4.1fx  %s\n", t[k] / steps, n[k] / steps, k | "sort -rn | head -25"
    close("sort -rn | head -25")
    printf "%8.3f ms per step in oneDNN primitives\n", all / steps
  }' "$OUT/dnnl-verbose.txt"

echo "== JFR, main thread"
"${JVM[@]}" -XX:StartFlightRecording=filename="$OUT/step.jfr",settings=profile "${PROBE[@]}" 2>&1 \
  | grep "per training step"
jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 40 "$OUT/step.jfr" >"$OUT/step-samples.txt"
/usr/bin/python3 environment/jfr_components.py "$OUT/step-samples.txt"
