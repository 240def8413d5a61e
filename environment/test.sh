#!/usr/bin/env bash
# Everything the project checks, on a fresh Debian bookworm box with Java 17 and Maven:
#   1. installs what is missing (Debian's Jupyter, headless Chromium for the report check),
#      builds the jar and the latticeq-java kernelspec (environment/install.sh);
#   2. all unit tests and the Spark standalone-cluster tests (mvn -B verify);
#   3. the kernel over Jupyter's protocol (environment/tests/kernel_protocol_test.py) and its end
#      when its front end is killed (environment/tests/parent_watch_test.py);
#   4. every notebook at the CI budget, failing on any cell error (run-notebooks.sh);
#   5. notebooks 03 and 07 through Spark (LATTICEQ_SWEEP=spark) give the default run's networks and
#      claims to the last bit (environment/tests/spark_notebooks_test.sh);
#   6. a failing cell makes run-notebooks.sh fail (environment/tests/failing_notebook_test.sh);
#   7. --publish writes claims, figures and wall times (environment/tests/publish_test.sh);
#   8. the tour report is self-contained and renders offline (environment/tests/report_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=environment/env.sh
source environment/env.sh
T0=$(date +%s)
step() { printf '\n==== %s (%d s so far)\n' "$*" "$(( $(date +%s) - T0 ))"; }

step "install"
LATTICEQ_INSTALL_CHROMIUM=1 LATTICEQ_INSTALL_NOTEBOOK="${LATTICEQ_INSTALL_NOTEBOOK:-0}" bash environment/install.sh

step "unit tests: mvn verify"
# shellcheck disable=SC2086
mvn -B ${LATTICEQ_MVN_FLAGS:-} verify

step "kernel protocol test"
"$LATTICEQ_PYTHON" environment/tests/kernel_protocol_test.py 2>"target/kernel-protocol-test.stderr" \
  || { cat target/kernel-protocol-test.stderr >&2; exit 1; }

step "a kernel whose front end dies ends too"
"$LATTICEQ_PYTHON" environment/tests/parent_watch_test.py

step "notebooks at the CI budget"
LATTICEQ_BUDGET=ci LATTICEQ_SKIP_INSTALL=1 bash environment/run-notebooks.sh

step "notebooks 03 and 07 on Spark local[*]: the default run's bits"
bash environment/tests/spark_notebooks_test.sh

step "a failing notebook fails the run"
bash environment/tests/failing_notebook_test.sh

step "publishing results"
bash environment/tests/publish_test.sh

step "report check"
bash environment/tests/report_test.sh reports/00-tour.html

step "all passed"
