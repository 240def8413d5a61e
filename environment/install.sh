#!/usr/bin/env bash
# Installs what the notebooks need, idempotently:
#   1. Debian's Jupyter (nbconvert + jupyter_client) if /usr/bin/jupyter or its modules are missing,
#      and Debian's dataset-fashion-mnist (notebook 13) if its IDX files are missing,
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
# Fashion-MNIST IDX files for notebook 13 (read from the package's install path).
fashion_ok() { [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; }

PKGS=()
jupyter_ok || PKGS+=(jupyter-nbconvert jupyter-client python3-nbformat)
# The interactive notebook server is optional for headless runs; LATTICEQ_INSTALL_NOTEBOOK=0 skips it.
if [ "${LATTICEQ_INSTALL_NOTEBOOK:-1}" = 1 ] && ! notebook_ok; then PKGS+=(jupyter-notebook); fi
# Headless Chromium is used only by the report checks (environment/test.sh asks for it).
if [ "${LATTICEQ_INSTALL_CHROMIUM:-0}" = 1 ] && ! chromium_ok; then PKGS+=(chromium); fi
fashion_ok || PKGS+=(dataset-fashion-mnist)

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

# --- 2. the jar and its runtime class path ---------------------------------------------------
# Rebuilt only when a source or the pom is newer than the jar. LATTICEQ_MVN_FLAGS adds flags
# (e.g. "-o" offline when the Maven cache is warm).
JAR=target/latticeq.jar
if [ ! -f "$JAR" ] || [ ! -d target/lib ] || [ ! -d target/spark/jars ] || [ -n "$(find src/main pom.xml -newer "$JAR" -type f -print -quit)" ]; then
  t0=$(date +%s)
  log "mvn package (tests skipped here; environment/test.sh runs them)"
  # shellcheck disable=SC2086
  rm -rf target/lib target/spark/jars   # copy-dependencies never removes jars of old versions
  mvn -B -q ${LATTICEQ_MVN_FLAGS:-} package -DskipTests
  log "build part took $(( $(date +%s) - t0 )) s"
fi

# --- 3. the kernelspec, project-local --------------------------------------------------------
SPEC=target/jupyter/kernels/latticeq-java
JAVA_BIN="$(readlink -f "$(command -v java)")"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 1p)"
rm -rf "$SPEC.tmp"
mkdir -p "$SPEC.tmp/lib"
# Hard links keep the 100+ MB of jars free of cost; a copy where links are not possible.
cp -l "$JAR" target/lib/*.jar "$SPEC.tmp/lib/" 2>/dev/null || cp "$JAR" target/lib/*.jar "$SPEC.tmp/lib/"
# Spark's jars (the optional sweep engine): on the class path only with LATTICEQ_SWEEP=spark (kernel.sh)
mkdir -p "$SPEC.tmp/spark-lib"
cp -l target/spark/jars/*.jar "$SPEC.tmp/spark-lib/" 2>/dev/null || cp target/spark/jars/*.jar "$SPEC.tmp/spark-lib/"
# Spark's Java 17 module flags, from the pom (one list for the tests, the kernel and the cluster)
JAVA17_OPTIONS="$(sed -n 's:.*<latticeq.java17Options>\(.*\)</latticeq.java17Options>.*:\1:p' pom.xml)"
[ -n "$JAVA17_OPTIONS" ] || { log "pom.xml has no <latticeq.java17Options>"; exit 1; }
sed -e "s#@VERSION@#$VERSION#" environment/kernel.json > "$SPEC.tmp/kernel.json"
sed -e "s#@JAVA@#$JAVA_BIN#" -e "s#@JAVA17_OPTIONS@#$JAVA17_OPTIONS#" environment/kernel.sh > "$SPEC.tmp/kernel.sh"
rm -rf "$SPEC"
mv "$SPEC.tmp" "$SPEC"
mkdir -p target/jupyter/data target/jupyter/runtime target/jupyter/config target/jupyter/ipython
log "kernelspec latticeq-java in $ROOT/$SPEC (export JUPYTER_PATH=$ROOT/target/jupyter, or source environment/env.sh)"
