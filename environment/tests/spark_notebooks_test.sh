#!/usr/bin/env bash
# Notebooks 03 and 07 at the CI budget on the default engine and on Spark embedded in the kernel
# (LATTICEQ_SWEEP=spark, local[*]), each run with a model store of its own so that every network
# is trained by its engine: the trained networks (parameters, loss histories, best epochs) and the
# printed claims must be the same to the last bit. The datasets are the checkout's (made by spec).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
# shellcheck source=environment/env.sh
source environment/env.sh
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p notebooks/data/datasets
for engine in local spark; do
  nb="$WORK/$engine/notebooks"
  mkdir -p "$nb/data"
  cp notebooks/03-regression.ipynb notebooks/07-architecture-search.ipynb "$nb/"
  ln -s "$ROOT/notebooks/data/datasets" "$nb/data/datasets"
  t0=$(date +%s)
  LATTICEQ_SWEEP=$engine LATTICEQ_BUDGET=ci LATTICEQ_SKIP_INSTALL=1 LATTICEQ_NOTEBOOKS_DIR="$nb" \
    LATTICEQ_REPORTS_DIR="$WORK/$engine/reports" bash environment/run-notebooks.sh 03 07 >"$WORK/$engine.log" 2>&1 \
    || { echo "spark_notebooks_test: the $engine run failed:" >&2; tail -n 60 "$WORK/$engine.log" >&2; exit 1; }
  echo "spark_notebooks_test: 03 and 07 on the $engine engine in $(( $(date +%s) - t0 )) s"
done
"$LATTICEQ_PYTHON" - "$WORK" <<'PY'
import json, os, sys, zipfile
work = sys.argv[1]
def models(engine):
    root = os.path.join(work, engine, "notebooks", "data", "models")
    return {d: os.path.join(root, d) for d in sorted(os.listdir(root)) if not d.startswith(".")}
def claims(engine):
    lines = []
    for name in ("03-regression", "07-architecture-search"):
        nb = json.load(open(os.path.join(work, engine, "reports", "executed", name + ".ipynb")))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                text = "".join(out.get("text", ""))
                lines += [l for l in text.splitlines() if "CLAIM" in l or l.startswith("sanity check")]
    return lines
local, spark = models("local"), models("spark")
problems = []
if list(local) != list(spark):
    problems.append("different model store entries: %s vs %s" % (sorted(set(local) ^ set(spark)), ""))
for name in local:
    if name not in spark: continue
    a, b = (json.load(open(os.path.join(m[name], "history.json"))) for m in (local, spark))
    for key in ("trainLoss", "validationLoss", "bestEpochNumber"):
        if a[key] != b[key]: problems.append(name + ": " + key + " differs")
    za, zb = (zipfile.ZipFile(os.path.join(m[name], "model.zip")) for m in (local, spark))
    if za.read("coefficients.bin") != zb.read("coefficients.bin"): problems.append(name + ": parameters differ")
for engine, label in (("local", "local, "), ("spark", "spark local[")):
    text = open(os.path.join(work, engine, "reports", "executed", "03-regression.ipynb")).read()
    if label not in text: problems.append("the %s run does not show its engine ('%s') in 03's progress" % (engine, label))
ca, cb = claims("local"), claims("spark")
if not ca: problems.append("no claim lines found in the local run")
if ca != cb: problems.append("claims differ:\n  " + "\n  ".join(ca) + "\nvs\n  " + "\n  ".join(cb))
if problems:
    print("spark_notebooks_test: FAIL\n" + "\n".join(problems)); sys.exit(1)
print("spark_notebooks_test: %d networks and %d claim lines identical on the local engine and Spark local[*]" % (len(local), len(ca)))
PY
