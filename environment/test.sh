#!/usr/bin/env bash
# All tests: unit tests (mvn verify). The notebook stack extends this to execute every notebook
# at the CI budget.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify
