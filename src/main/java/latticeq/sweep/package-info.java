/**
 * Sweeps of independent tasks (trainings, repetitions) that run on an engine chosen at run time:
 * {@link latticeq.sweep.Sweep} holds the tasks, a {@link latticeq.sweep.SweepTask} is a
 * serialisable description of one task (specs and seeds, never data or networks) that runs where
 * the engine puts it and returns a serialisable result, and a {@link latticeq.sweep.SweepEngine}
 * runs them: {@link latticeq.sweep.LocalEngine} on a thread pool in this JVM (the default), or the
 * Spark engine ({@code latticeq.sweep.spark}, only when Spark is on the class path) with each task
 * one Spark task. {@link latticeq.sweep.SweepEngines#fromEnvironment} picks one from
 * {@code LATTICEQ_SWEEP} and {@code LATTICEQ_SPARK_MASTER}, so a notebook never changes with the
 * engine. Datasets are made on the executor by spec ({@link latticeq.sweep.DatasetCache}).
 */
package latticeq.sweep;
