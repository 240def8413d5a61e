#!/usr/bin/env bash
# Opens the notebooks interactively in Jupyter with the latticeq-java kernel:
#   environment/notebook.sh            # then open the printed http://localhost:8888/... address
#   environment/notebook.sh --port 9999 --no-browser
# Installs what is missing first (including Debian's jupyter-notebook). Jupyter's files stay
# under target/jupyter/ (see environment/env.sh); nothing is written to the home directory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=environment/env.sh
source environment/env.sh
LATTICEQ_INSTALL_NOTEBOOK=1 bash environment/install.sh
ROOT_FLAG=()
[ "$(id -u)" = 0 ] && ROOT_FLAG=(--allow-root)   # containers and CI boxes often run as root
cd notebooks
exec "$LATTICEQ_JUPYTER" notebook --no-browser "${ROOT_FLAG[@]}" "$@"
