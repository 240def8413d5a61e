#!/usr/bin/env bash
# Executes notebooks headless with the latticeq kernel and writes self-contained HTML reports.
#
#   environment/run-notebooks.sh                 # every notebooks/*.ipynb -> reports/*.html
#   environment/run-notebooks.sh 00-tour 03      # a subset: names, or prefixes of names
#   environment/run-notebooks.sh --publish 01 02 03 04 05 06 07
#                                                # also writes docs/results/<study>/ (claims, figures,
#                                                # wall times) from the executed notebooks; at a budget
#                                                # other than paper only into LATTICEQ_RESULTS_DIR
#
# Before it starts it prints each notebook's expected wall time (the last measured one at this budget,
# from docs/results/wall-times.tsv or reports/wall-times.tsv); while it runs, one overall progress line
# (notebook k of n, elapsed, expected remaining). Executed notebooks are kept in reports/executed/.
#
# Installs what is missing first (environment/install.sh; LATTICEQ_SKIP_INSTALL=1 skips it).
# Budget: LATTICEQ_BUDGET=ci|paper (default paper) and LATTICEQ_<NAME> overrides, read by the
# notebooks. LATTICEQ_CELL_TIMEOUT: seconds one cell may take (default 7200).
# LATTICEQ_NOTEBOOKS_DIR / LATTICEQ_REPORTS_DIR: other folders (tests use them).
# Exit status: 0 when every notebook ran and no claim printed FAIL; 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PUBLISH=0
ARGS=()
for a in "$@"; do
  case "$a" in
    --publish) PUBLISH=1 ;;
    -*) echo "run-notebooks: unknown option '$a': allowed --publish" >&2; exit 2 ;;
    *) ARGS+=("$a") ;;
  esac
done
set -- "${ARGS[@]+"${ARGS[@]}"}"
# shellcheck source=environment/env.sh
source environment/env.sh

if [ "${LATTICEQ_SKIP_INSTALL:-0}" != 1 ]; then
  bash environment/install.sh || { echo "run-notebooks: install failed" >&2; exit 1; }
fi

export LATTICEQ_BUDGET="${LATTICEQ_BUDGET:-paper}"
# Published results are the paper budget's; other budgets publish only into a folder named explicitly.
RESULTS_DIR="${LATTICEQ_RESULTS_DIR:-$ROOT/docs/results}"
if [ $PUBLISH = 1 ] && [ "$LATTICEQ_BUDGET" != paper ] && [ -z "${LATTICEQ_RESULTS_DIR:-}" ]; then
  echo "run-notebooks: --publish at budget $LATTICEQ_BUDGET would overwrite docs/results (paper budget): set LATTICEQ_RESULTS_DIR to another folder" >&2
  exit 2
fi
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
EXEC_DIR="$OUT_DIR/executed"
mkdir -p "$EXEC_DIR"
TIMES="$OUT_DIR/wall-times.tsv"   # budget <tab> notebook <tab> seconds, the last measurement wins

# Expected seconds of a notebook at this budget: the last measurement here, else the published one.
expected() {
  local v
  for f in "$TIMES" "$ROOT/docs/results/wall-times.tsv"; do
    [ -f "$f" ] || continue
    v=$(awk -F'\t' -v b="$LATTICEQ_BUDGET" -v n="$1" '$1 == b && $2 == n { s = $3 } END { if (s != "") print int(s) }' "$f")
    [ -n "$v" ] && { echo "$v"; return; }
  done
  echo "?"
}
hms() { [ "$1" = "?" ] && { echo "unknown"; return; }; printf '%dh%02dm%02ds' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }

echo "run-notebooks: ${#SELECTED[@]} notebook(s), budget $LATTICEQ_BUDGET, reports in $OUT_DIR"
TOTAL_EXPECTED=0; UNKNOWN=0
for nb in "${SELECTED[@]}"; do
  e=$(expected "${nb%.ipynb}")
  printf '  %-32s expected %s\n' "${nb%.ipynb}" "$(hms "$e")"
  if [ "$e" = "?" ]; then UNKNOWN=1; else TOTAL_EXPECTED=$((TOTAL_EXPECTED + e)); fi
done
printf '  %-32s expected %s%s\n' "all" "$(hms $TOTAL_EXPECTED)" "$([ $UNKNOWN = 1 ] && echo ' plus notebooks never measured at this budget')"

RUN_START=$(date +%s)
# One overall progress line while a notebook runs: in place on a terminal, a line a minute in a log.
progress_line() {
  local k=$1 name=$2 started=$3 remaining_after=$4 now el nb_el e rem
  now=$(date +%s); el=$((now - RUN_START)); nb_el=$((now - started))
  e=$(expected "$name")
  if [ "$e" = "?" ]; then rem="unknown"
  else rem=$(( (e > nb_el ? e - nb_el : 0) + remaining_after )); rem=$(hms $rem); fi
  printf 'run-notebooks: notebook %d of %d (%s), elapsed %s, expected remaining %s' \
    "$k" "${#SELECTED[@]}" "$name" "$(hms $el)" "$rem"
}
watch_progress() {
  local k=$1 name=$2 started=$3 remaining_after=$4 pid=$5 i=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ -t 1 ]; then printf '\r%s\033[K' "$(progress_line "$k" "$name" "$started" "$remaining_after")"
    elif [ $((i % 60)) = 0 ]; then progress_line "$k" "$name" "$started" "$remaining_after"; echo; fi
    sleep 1; i=$((i + 1))
  done
  [ -t 1 ] && printf '\r\033[K'
}

failed=0
ROWS=()
k=0
for nb in "${SELECTED[@]}"; do
  k=$((k + 1))
  name="${nb%.ipynb}"
  log="$LOG_DIR/$name.log"
  # what the notebooks after this one are expected to take (unknown ones count 0)
  after=0
  for later in "${SELECTED[@]:$k}"; do e=$(expected "${later%.ipynb}"); [ "$e" != "?" ] && after=$((after + e)); done
  start=$(date +%s%N)
  started=$(date +%s)
  # Working directory = the notebook's folder, so notebooks read and write relative paths there.
  # Executed to a notebook first (kept for --publish), then rendered to HTML without running again.
  rm -f "$EXEC_DIR/$nb" "$OUT_DIR/$name.html"
  (cd "$NB_DIR" && "$LATTICEQ_JUPYTER" nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout="$TIMEOUT" \
      --ExecutePreprocessor.kernel_name=latticeq-java \
      --output-dir "$EXEC_DIR" --output "$name" "$nb") >"$log" 2>&1 &
  pid=$!
  watch_progress "$k" "$name" "$started" "$after" "$pid"
  wait "$pid"
  rc=$?
  if [ $rc = 0 ]; then
    "$LATTICEQ_JUPYTER" nbconvert --to html \
      --TemplateExporter.extra_template_basedirs="$ROOT/environment/nbconvert" \
      --template latticeq \
      --output-dir "$OUT_DIR" --output "$name" "$EXEC_DIR/$nb" >>"$log" 2>&1
    rc=$?
  fi
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  secs="$((ms / 1000)).$(( (ms % 1000) / 100 ))"
  report="$OUT_DIR/$name.html"
  pass=0; fail=0; unjudged=0
  if [ $rc = 0 ] && [ -f "$report" ]; then
    pass=$(grep -o 'CLAIM PASS' "$report" | wc -l)
    fail=$(grep -o 'CLAIM FAIL' "$report" | wc -l)
    unjudged=$(grep -o 'CLAIM UNJUDGED' "$report" | wc -l)
    if [ "$fail" -gt 0 ]; then status="CLAIM FAILED"; failed=1; else status="ok"; fi
    # the wall time of a notebook that ran through, for the next run's estimates
    touch "$TIMES"
    awk -F'\t' -v b="$LATTICEQ_BUDGET" -v n="$name" '!($1 == b && $2 == n)' "$TIMES" > "$TIMES.tmp"
    printf '%s\t%s\t%s\n' "$LATTICEQ_BUDGET" "$name" "$secs" >> "$TIMES.tmp"
    mv "$TIMES.tmp" "$TIMES"
  else
    status="CELL ERROR"; failed=1
    echo "---- $nb failed (exit $rc); end of $log:" >&2
    tail -n 40 "$log" >&2
  fi
  ROWS+=("$(printf '%-32s %9s  %-12s %4s %4s %8s' "$name" "$secs" "$status" "$pass" "$fail" "$unjudged")")
  echo "run-notebooks: $name done in ${secs} s ($status)"
done

echo
printf '%-32s %9s  %-12s %4s %4s %8s\n' notebook seconds status pass fail unjudged
for row in "${ROWS[@]}"; do echo "$row"; done

if [ $PUBLISH = 1 ]; then
  # Claims, figures and wall times of the executed notebooks into docs/results/<study>/, per study
  # (a notebook's metadata names its study); a notebook with a cell error publishes nothing.
  "$LATTICEQ_PYTHON" "$ROOT/environment/publish_results.py" --executed "$EXEC_DIR" --times "$TIMES" \
       --budget "$LATTICEQ_BUDGET" --results "$RESULTS_DIR" "${SELECTED[@]%.ipynb}" \
    || { echo "run-notebooks: publishing failed" >&2; failed=1; }
fi
exit $failed
