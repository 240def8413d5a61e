# Sourced by the environment scripts: where Jupyter finds the latticeq kernel and keeps its
# files. Everything lives under target/jupyter/ in this checkout; nothing goes to $HOME.
# Interactive use:  source environment/env.sh && /usr/bin/jupyter notebook notebooks/
LATTICEQ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LATTICEQ_ROOT
export JUPYTER_PATH="$LATTICEQ_ROOT/target/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_DATA_DIR="$LATTICEQ_ROOT/target/jupyter/data"
export JUPYTER_RUNTIME_DIR="$LATTICEQ_ROOT/target/jupyter/runtime"
export JUPYTER_CONFIG_DIR="$LATTICEQ_ROOT/target/jupyter/config"
# Debian's jupyter and its Python: another python3 earlier on PATH may not see Debian's modules.
export LATTICEQ_JUPYTER=/usr/bin/jupyter
export LATTICEQ_PYTHON=/usr/bin/python3
# nbconvert imports IPython, which would create ~/.ipython
export IPYTHONDIR="$LATTICEQ_ROOT/target/jupyter/ipython"
