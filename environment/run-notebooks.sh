#!/usr/bin/env bash
# Executes notebooks headless with the latticeq kernel and writes self-contained HTML reports.
#
#   environment/run-notebooks.sh                 # every notebooks/*.ipynb -> reports/*.html
#   environment/run-notebooks.sh 00-tour 03      # a subset: names, or prefixes of names
#
# Installs what is missing first (environment/install.sh; LATTICEQ_SKIP_INSTALL=1 skips it).
# Budget: LATTICEQ_BUDGET=ci|paper (default paper) and LATTICEQ_<NAME> overrides, read by the
# notebooks. LATTICEQ_CELL_TIMEOUT: seconds one cell may take (default 7200).
# LATTICEQ_NOTEBOOKS_DIR / LATTICEQ_REPORTS_DIR: other folders (tests use them).
# Exit status: 0 when every notebook ran and no claim printed FAIL; 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# shellcheck source=environment/env.sh
source environment/env.sh

if [ "${LATTICEQ_SKIP_INSTALL:-0}" != 1 ]; then
  bash environment/install.sh || { echo "run-notebooks: install failed" >&2; exit 1; }
fi

export LATTICEQ_BUDGET="${LATTICEQ_BUDGET:-paper}"
NB_DIR="$(cd "${LATTICEQ_NOTEBOOKS_DIR:-notebooks}" && pwd)"
mkdir -p "${LATTICEQ_REPORTS_DIR:-reports}"
OUT_DIR="$(cd "${LATTICEQ_REPORTS_DIR:-reports}" && pwd)"
LOG_DIR="$OUT_DIR/logs"
mkdir -p "$LOG_DIR"
TIMEOUT="${LATTICEQ_CELL_TIMEOUT:-7200}"

# Which notebooks: all, or those whose file name starts with one of the arguments.
mapfile -t ALL < <(cd "$NB_DIR" && ls -1 -- *.ipynb 2>/dev/null | sort)
SELECTED=()
if [ $# -eq 0 ]; then
  SELECTED=("${ALL[@]}")
else
  for want in "$@"; do
    want="$(basename "$want" .ipynb)"
    found=0
    for nb in "${ALL[@]}"; do
      case "$nb" in "$want"*) SELECTED+=("$nb"); found=1 ;; esac
    done
    [ $found = 1 ] || { echo "run-notebooks: no notebook in $NB_DIR matches '$want'" >&2; exit 1; }
  done
fi
[ ${#SELECTED[@]} -gt 0 ] || { echo "run-notebooks: no notebooks in $NB_DIR" >&2; exit 1; }

echo "run-notebooks: ${#SELECTED[@]} notebook(s), budget $LATTICEQ_BUDGET, reports in $OUT_DIR"
failed=0
ROWS=()
for nb in "${SELECTED[@]}"; do
  name="${nb%.ipynb}"
  log="$LOG_DIR/$name.log"
  start=$(date +%s%N)
  # Working directory = the notebook's folder, so notebooks read and write relative paths there.
  (cd "$NB_DIR" && "$LATTICEQ_JUPYTER" nbconvert --to html --execute \
      --ExecutePreprocessor.timeout="$TIMEOUT" \
      --ExecutePreprocessor.kernel_name=latticeq-java \
      --TemplateExporter.extra_template_basedirs="$ROOT/environment/nbconvert" \
      --template latticeq \
      --output-dir "$OUT_DIR" --output "$name" "$nb") >"$log" 2>&1
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  secs="$((ms / 1000)).$(( (ms % 1000) / 100 ))"
  report="$OUT_DIR/$name.html"
  pass=0; fail=0; unjudged=0
  if [ $rc = 0 ] && [ -f "$report" ]; then
    pass=$(grep -o 'CLAIM PASS' "$report" | wc -l)
    fail=$(grep -o 'CLAIM FAIL' "$report" | wc -l)
    unjudged=$(grep -o 'CLAIM UNJUDGED' "$report" | wc -l)
    if [ "$fail" -gt 0 ]; then status="CLAIM FAILED"; failed=1; else status="ok"; fi
  else
    status="CELL ERROR"; failed=1
    echo "---- $nb failed (exit $rc); end of $log:" >&2
    tail -n 40 "$log" >&2
  fi
  ROWS+=("$(printf '%-32s %9s  %-12s %4s %4s %8s' "$name" "$secs" "$status" "$pass" "$fail" "$unjudged")")
done

echo
printf '%-32s %9s  %-12s %4s %4s %8s\n' notebook seconds status pass fail unjudged
for row in "${ROWS[@]}"; do echo "$row"; done
exit $failed
