package latticeq.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Training and inference throughput of the benchmark network (environment/bench-training.sh runs
 * this next to the PyTorch script). Not a unit test: a main class in the test tree.
 *
 * <p>Usage: TrainingBenchmark [stock|latticeq|all] [seconds per measurement] [single|default] [warm-up seconds]
 *
 * <p>Each training measurement follows the warm-up, each inference measurement at most
 * {@link #INFER_WARMUP} seconds of it: a fresh JVM's training rate climbs for about 15 s while the
 * JIT compiles DL4J's step (2-second windows from the start: 5,800, 11,100, 16,100, ... 20,000-23,000
 * samples/s from 14 s on), and inference runs code the training warm-up has compiled.
 */
public final class TrainingBenchmark {

    static MultiLayerNetwork stock(List<Integer> channels, int dense) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new AMSGrad(1e-3)).weightInit(WeightInit.XAVIER).convolutionMode(ConvolutionMode.Same).list();
        int in = 4;
        for (int c : channels) {
            b.layer(new ConvolutionLayer.Builder(3, 3).nIn(in).nOut(c).activation(Activation.TANH).build());
            in = c;
        }
        MultiLayerConfiguration conf = b.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(dense).activation(Activation.LEAKYRELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(60, 4, 4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static MultiLayerNetwork latticeq(List<Integer> channels, int dense) {
        List<Integer> kernels = channels.stream().map(c -> 3).toList();
        return NetworkBuilder.build(ArchitectureSpec.eq(channels, kernels, List.of(dense), 2), 1,
                new AMSGrad(1e-3), 0.0, DataType.FLOAT);
    }

    public static List<DataSet> batches(int count, int batch, int nt, int nx, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<DataSet> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] x = new float[batch * 4 * nt * nx];
            for (int j = 0; j < x.length; j++) x[j] = (float) (rng.nextInt(5) - 2);
            float[] y = new float[batch * 2];
            for (int j = 0; j < y.length; j++) y[j] = (float) rng.nextDouble();
            out.add(new DataSet(Nd4j.create(x, new long[] {batch, 4, nt, nx}, 'c'),
                    Nd4j.create(y, new long[] {batch, 2}, 'c')));
        }
        return out;
    }

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Samples per wall-clock second and per CPU second of this process (the latter is less disturbed by load). */
    record Rate(double wall, double cpu) {
        @Override
        public String toString() {
            return String.format("%.1f samples/s (%.1f per cpu-s)", wall, cpu);
        }
    }

    /** Seconds of untimed steps before each training measurement (the JIT compiles DL4J's and our code meanwhile). */
    static double warmup = 2;
    /** Most seconds of untimed steps before an inference measurement. */
    static final double INFER_WARMUP = 3;

    /** Training samples per second: fit batches of 100 round robin for about {@code seconds}. */
    static Rate train(MultiLayerNetwork net, List<DataSet> data, double seconds) {
        warm(data, 20, warmup, d -> { net.fit(d); return 0; });
        return measure(data, seconds, d -> { net.fit(d); return d.numExamples(); });
    }

    static Rate infer(MultiLayerNetwork net, List<DataSet> data, double seconds) {
        warm(data, 10, Math.min(warmup, INFER_WARMUP), d -> (int) net.output(d.getFeatures()).size(0));
        return measure(data, seconds, d -> (int) net.output(d.getFeatures()).size(0));
    }

    static void warm(List<DataSet> data, int atLeast, double seconds, java.util.function.ToIntFunction<DataSet> step) {
        long t0 = System.nanoTime();
        for (int i = 0; i < atLeast || System.nanoTime() - t0 < seconds * 1e9; i++) step.applyAsInt(data.get(i % data.size()));
    }

    static Rate measure(List<DataSet> data, double seconds, java.util.function.ToIntFunction<DataSet> step) {
        long t0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
        long samples = 0;
        int i = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            samples += step.applyAsInt(data.get(i++ % data.size()));
        }
        return new Rate(samples / ((System.nanoTime() - t0) * 1e-9), samples / ((OS.getProcessCpuTime() - c0) * 1e-9));
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        boolean single = args.length > 2 && args[2].equals("single");
        if (single) Nd4jThreads.singleThreadedOps();
        double sec = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        if (args.length > 3) warmup = Double.parseDouble(args[3]);
        List<DataSet> small = batches(50, 100, 60, 4, 1);
        List<DataSet> big = batches(5, 100, 200, 10, 2);
        List<Integer> bench = List.of(16, 16), largest = List.of(22, 22, 22);
        System.out.printf("threads: %d available processors, OMP_NUM_THREADS=%s, ND4J ops %s%n",
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"),
                single ? "single-threaded (Nd4jThreads.singleThreadedOps)" : "default threads");
        if (which.equals("stock") || which.equals("all")) {
            MultiLayerNetwork s = stock(bench, 16);
            System.out.printf("dl4j-stock train 60x4 %s%n", train(s, small, sec));
            System.out.printf("dl4j-stock infer 60x4 %s%n", infer(s, small, sec));
        }
        if (which.equals("latticeq") || which.equals("all")) {
            MultiLayerNetwork n = latticeq(bench, 16);
            System.out.printf("latticeq train 60x4 %s%n", train(n, small, sec));
            System.out.printf("latticeq infer 60x4 %s%n", infer(n, small, sec));
            System.out.printf("latticeq infer 200x10 %s%n", infer(n, big, sec));
            MultiLayerNetwork l = latticeq(largest, 16);
            System.out.printf("latticeq-largest train 60x4 %s%n", train(l, small, sec));
            System.out.printf("latticeq-largest infer 60x4 %s%n", infer(l, small, sec));
        }
    }
}
