#!/usr/bin/env bash
# run-notebooks.sh must fail when a cell fails or a claim prints FAIL, and say which notebook:
# three small notebooks in a temporary folder (never in notebooks/): one good, one whose second
# cell throws, one with a failed claim.
# shellcheck source=environment/tests/scratch_notebooks.sh
source "$(dirname "$0")/scratch_notebooks.sh"
/usr/bin/python3 - "$WORK/notebooks" <<'PY'
import json, sys
def notebook(path, *cells):
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c%d" % i, "metadata": {},
                     "outputs": [], "source": src} for i, src in enumerate(cells)],
          "metadata": {"kernelspec": {"display_name": "Java 17 (latticeq)", "language": "java", "name": "latticeq-java"}},
          "nbformat": 4, "nbformat_minor": 5}
    json.dump(nb, open(path, "w"))
d = sys.argv[1]
notebook(d + "/a-good.ipynb", "int x = 1;", "x + 1")
notebook(d + "/b-throws.ipynb", "int y = 1;", "int[] a = new int[1];\na[y] = 2;", "System.out.println(\"never runs\");")
notebook(d + "/c-claim-fails.ipynb",
         "Claims c = Claims.forBudget(Budget.current());\nc.check(\"one is two\", 1 == 2, \"deliberately false\");")
PY
set +e
LATTICEQ_SKIP_INSTALL=1 LATTICEQ_BUDGET=ci LATTICEQ_NOTEBOOKS_DIR="$WORK/notebooks" LATTICEQ_REPORTS_DIR="$WORK/reports" \
  bash environment/run-notebooks.sh >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
set -e
fail() { echo "failing-notebook test: FAIL: $*" >&2; cat "$WORK/out.txt" >&2; exit 1; }
[ $rc -ne 0 ] || fail "run-notebooks.sh exited 0 although a cell threw"
grep -Eq '^a-good +[0-9.]+ +ok ' "$WORK/out.txt" || fail "the good notebook is not reported ok"
grep -Eq '^b-throws +[0-9.]+ +CELL ERROR' "$WORK/out.txt" || fail "the throwing notebook is not reported as CELL ERROR"
grep -Eq '^c-claim-fails +[0-9.]+ +CLAIM FAILED' "$WORK/out.txt" || fail "the failed claim is not reported"
grep -q 'ArrayIndexOutOfBoundsException' "$WORK/err.txt" || fail "the cell's exception is not shown on stderr"
grep -q 'never runs' "$WORK/reports/logs/b-throws.log" && fail "cells after the failing one ran"
echo "failing-notebook test: ok (exit $rc; good notebook ok, thrown cell and failed claim reported)"
