/** IDX (MNIST-format) readers with validation; Fashion-MNIST from Debian's dataset-fashion-mnist. */
package latticeq.data.idx;
