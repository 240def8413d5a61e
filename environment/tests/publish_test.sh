#!/usr/bin/env bash
# run-notebooks.sh --publish: a notebook that names its study publishes its claims (paper claims
# and sanity checks apart), its figures as PNG files and its wall time; one without a study and one
# whose cell throws publish nothing; --publish at a non-paper budget refuses the default folder.
# shellcheck source=environment/tests/scratch_notebooks.sh
source "$(dirname "$0")/scratch_notebooks.sh"
/usr/bin/python3 - "$WORK/notebooks" <<'PY'
import json, sys
def notebook(path, study, *cells):
    nb = {"cells": [{"cell_type": "markdown", "id": "m0", "metadata": {}, "source": "# A title\n## A section"}] +
                   [{"cell_type": "code", "execution_count": None, "id": "c%d" % i, "metadata": {},
                     "outputs": [], "source": src} for i, src in enumerate(cells)],
          "metadata": {"kernelspec": {"display_name": "Java 17 (latticeq)", "language": "java", "name": "latticeq-java"}},
          "nbformat": 4, "nbformat_minor": 5}
    if study:
        nb["metadata"]["latticeq"] = {"study": study, "paper": "Fig. 9 of nothing"}
    json.dump(nb, open(path, "w"))
d = sys.argv[1]
notebook(d + "/p1-claims.ipynb", "seedx",
         "Budget b = Budget.current();\nint runs = b.intValue(\"RUNS\", 2, 3);\nb.print();",
         "Claims c = Claims.forBudget(b);\nc.check(\"one is one\", 1 == 1, \"exactly\");\n"
         "c.check(\"sanity check: two is two\", 2 == 2, \"\");\nSystem.out.println(\"RESULT a number 42\");",
         "Plots.line(Plots.xy(\"t\", \"x\", \"y\"), \"s\", new double[] {1, 2}, new double[] {3, 4})")
notebook(d + "/p2-nostudy.ipynb", None, "int x = 1;")
notebook(d + "/p3-throws.ipynb", "seedx", "int[] a = new int[1];\na[1] = 2;")
PY
fail() { echo "publish test: FAIL: $*" >&2; exit 1; }
set +e
LATTICEQ_SKIP_INSTALL=1 LATTICEQ_BUDGET=ci LATTICEQ_NOTEBOOKS_DIR="$WORK/notebooks" LATTICEQ_REPORTS_DIR="$WORK/reports" \
  bash environment/run-notebooks.sh --publish >"$WORK/refused.txt" 2>&1
rc=$?
[ $rc = 2 ] || fail "--publish at budget ci without LATTICEQ_RESULTS_DIR exited $rc, expected 2"
LATTICEQ_SKIP_INSTALL=1 LATTICEQ_BUDGET=ci LATTICEQ_NOTEBOOKS_DIR="$WORK/notebooks" LATTICEQ_REPORTS_DIR="$WORK/reports" \
  LATTICEQ_RESULTS_DIR="$WORK/results" bash environment/run-notebooks.sh --publish >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
set -e
[ $rc = 1 ] || fail "exit $rc, expected 1 (one notebook throws)"
R="$WORK/results/seedx/README.md"
[ -f "$R" ] || fail "no $R"
grep -q '| p1-claims | one is one | exactly | \*\*PASS\*\* | 2 | ci |' "$R" || fail "the claim row is missing: $(cat "$R")"
grep -q '## Sanity checks' "$R" || fail "sanity checks are not listed apart"
grep -q '| p1-claims | two is two |' "$R" || fail "the sanity check row is missing"
grep -q 'reproduced claims: 1 PASS, 0 FAIL, 0 UNJUDGED; sanity checks: 1' "$R" || fail "wrong counts"
grep -q -- '- a number 42' "$R" || fail "RESULT line missing"
grep -q 'Paper: Fig. 9 of nothing' "$R" || fail "paper figure missing"
grep -q '!\[A section\](p1-claims-fig1.png)' "$R" || fail "figure link missing"
head -c 8 "$WORK/results/seedx/p1-claims-fig1.png" | od -An -c | grep -q 'P   N   G' || fail "figure is not a PNG"
grep -q 'p3-throws' "$R" && fail "a notebook with a cell error was published"
grep -q 'p2-nostudy' "$R" && fail "a notebook without a study was published"
grep -Eq '^ci	p1-claims	[0-9.]+$' "$WORK/results/wall-times.tsv" || fail "wall time not recorded"
grep -q 'expected' "$WORK/out.txt" || fail "no expected wall times printed"
echo "publish test: ok (claims, sanity checks, figure, wall time published; failed and study-less notebooks not)"
