#!/bin/sh
# Starts the latticeq-java kernel (environment/install.sh copies this into the kernelspec, with @JAVA@
# and @JAVA17_OPTIONS@ filled in; Jupyter runs it through kernel.json). exec keeps the process id, so
# Jupyter's signals and the kernel's parent watch see the JVM itself.
#
# Spark's jars join the class path only when a notebook's sweeps run on Spark (LATTICEQ_SWEEP=spark,
# README "Sweeps on Spark"): the default kernel starts with the library's jars alone. The module
# flags are the ones Spark needs on Java 17 (SparkEngine.JAVA_17_OPTIONS); they cost nothing otherwise.
here="$(dirname "$0")"
cp="$here/lib/*"
if [ "${LATTICEQ_SWEEP:-}" = spark ]; then
  cp="$cp:$here/spark-lib/*"
fi
# shellcheck disable=SC2086
exec "@JAVA@" -Djava.awt.headless=true -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 @JAVA17_OPTIONS@ \
  -cp "$cp" latticeq.kernel.KernelMain "$1"
