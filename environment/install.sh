#!/usr/bin/env bash
# Installs what the notebooks need, idempotently:
#   1. Debian's Jupyter (nbconvert + jupyter_client) if /usr/bin/jupyter or its modules are missing,
#   2. the latticeq jar and its runtime class path (mvn package, tests skipped),
#   3. the kernelspec "latticeq-java" into target/jupyter/kernels/ (project-local, nothing in $HOME).
# Afterwards: export JUPYTER_PATH="$PWD/target/jupyter" (environment/env.sh prints it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

log() { printf '[install] %s\n' "$*" >&2; }

# --- 1. Jupyter from Debian --------------------------------------------------------------------
# Debian's modules are only visible to /usr/bin/python3; another python3 may come first on PATH.
jupyter_ok() {
  [ -x /usr/bin/jupyter ] && /usr/bin/python3 -c 'import nbconvert, jupyter_client, nbformat' 2>/dev/null \
    && [ -x /usr/bin/jupyter-nbconvert ]
}
notebook_ok() { [ -x /usr/bin/jupyter-notebook ]; }
chromium_ok() { command -v chromium >/dev/null 2>&1; }

PKGS=()
jupyter_ok || PKGS+=(jupyter-nbconvert jupyter-client python3-nbformat)
# The interactive notebook server is optional for headless runs; LATTICEQ_INSTALL_NOTEBOOK=0 skips it.
if [ "${LATTICEQ_INSTALL_NOTEBOOK:-1}" = 1 ] && ! notebook_ok; then PKGS+=(jupyter-notebook); fi
# Headless Chromium is used only by the report checks (environment/test.sh asks for it).
if [ "${LATTICEQ_INSTALL_CHROMIUM:-0}" = 1 ] && ! chromium_ok; then PKGS+=(chromium); fi

if [ ${#PKGS[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install: ${PKGS[*]}"; exit 1; }
    SUDO=sudo
  fi
  t0=$(date +%s)
  log "apt-get install ${PKGS[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PKGS[@]}"
  log "apt part took $(( $(date +%s) - t0 )) s"
fi
jupyter_ok || { log "/usr/bin/jupyter with nbconvert and jupyter_client is still missing"; exit 1; }
