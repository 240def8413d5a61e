/**
 * The protocol of the translation-equivariance study (arXiv:2103.14686) as library code the
 * notebooks call: the study set up from a budget ({@link latticeq.experiment.Seed1Study}), the
 * paper's training protocol in one record ({@link latticeq.experiment.PaperProtocol}), the chemical-potential grid and dataset plan ({@link latticeq.experiment.MuGrid},
 * {@link latticeq.experiment.StudyPlan}), tensors from datasets ({@link latticeq.experiment.Tensors}),
 * trained networks through {@link latticeq.experiment.StudyModels} (using {@code latticeq.train.Trainer}), a disk cache of trained
 * models ({@link latticeq.experiment.ModelStore}), the trainings as sweep tasks that run on any
 * {@code latticeq.sweep} engine ({@link latticeq.experiment.TrainingTask}, {@link latticeq.experiment.Trainings}), metrics ({@link latticeq.experiment.Metrics}),
 * the random architecture search ({@link latticeq.experiment.ArchitectureSearch}) and JSON files of
 * chosen architectures ({@link latticeq.experiment.ArchitectureStore}). Never imports notebook code.
 */
package latticeq.experiment;
