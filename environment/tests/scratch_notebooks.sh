# Sourced by the notebook tests: the repository root as working directory and a temporary folder
# $WORK with an empty notebooks/ (never the real notebooks/), removed when the test exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/notebooks"
