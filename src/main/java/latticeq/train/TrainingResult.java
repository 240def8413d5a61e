package latticeq.train;

import latticeq.nn.LatticeModel;

/** A trained model (best-validation parameters restored) and its history. */
public record TrainingResult(LatticeModel model, TrainingHistory history) {}
