package latticeq.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import latticeq.lattice.Lattice;
import latticeq.phi4.WormSampler;
import latticeq.progress.ProgressListener;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates a {@link LatticeDataset}: one independent {@link WormSampler} chain per mu with its own
 * derived seed ({@link DatasetSpec#streamSeed}); each chain thermalizes, then saves a configuration
 * every {@code decorrelationSweeps} sweeps. Chains run in parallel on a fixed thread pool; each
 * writes into its own slice of the arrays, so the result does not depend on the thread count.
 */
public final class DatasetGenerator {
    private DatasetGenerator() {}

    /** Generates with as many threads as there are processors (at most one per mu). */
    public static LatticeDataset generate(DatasetSpec spec, ProgressListener progress) {
        return generate(spec, Runtime.getRuntime().availableProcessors(), progress);
    }

    public static LatticeDataset generate(DatasetSpec spec, int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed: need >= 1");
        }
        Lattice lattice = spec.lattice();
        int per = 4 * lattice.volume();
        int m = spec.configsPerMu();
        int n = spec.size();
        int[] configs = new int[n * per];
        double[] targets = new double[2 * n];
        double[] mu = new double[n];
        long total = (long) spec.mus().size() * ((long) spec.thermSweeps() + (long) m * spec.decorrelationSweeps());
        AtomicLong done = new AtomicLong();
        Object lock = new Object();
        long[] lastReport = {0};
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, spec.mus().size()), r -> {
            Thread t = new Thread(r, "latticeq-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < spec.mus().size(); s++) {
                final int stream = s;
                futures.add(pool.submit(() -> {
                    double muValue = spec.mus().get(stream);
                    WormSampler sampler = new WormSampler(lattice, spec.params(muValue), spec.wormsPerSweep(), spec.streamSeed(muValue));
                    Runnable tick = () -> {
                        long now = System.nanoTime();
                        synchronized (lock) {
                            if (now - lastReport[0] > 100_000_000L) {
                                lastReport[0] = now;
                                progress.update(done.get(), total, lattice + " mu=" + muValue);
                            }
                        }
                    };
                    int chunk = 50;
                    for (int i = 0; i < spec.thermSweeps(); i++) {
                        sampler.sweep();
                        if ((i + 1) % chunk == 0) {
                            done.addAndGet(chunk);
                            tick.run();
                        }
                    }
                    done.addAndGet(spec.thermSweeps() % chunk);
                    for (int c = 0; c < m; c++) {
                        sampler.sweeps(spec.decorrelationSweeps());
                        int index = stream * m + c;
                        sampler.copyChannels(configs, index * per);
                        targets[2 * index] = sampler.density();
                        targets[2 * index + 1] = sampler.phi2();
                        mu[index] = muValue;
                        done.addAndGet(spec.decorrelationSweeps());
                        tick.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dataset generation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dataset generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.update(total, total, lattice + " done");
        progress.finish();
        if (spec.shuffle()) {
            return shuffled(spec, configs, targets, mu, per);
        }
        return new LatticeDataset(spec, configs, targets, mu);
    }

    private static LatticeDataset shuffled(DatasetSpec spec, int[] configs, double[] targets, double[] mu, int per) {
        int n = mu.length;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(spec.shuffleSeed());
        int[] perm = new PermutationSampler(rng, n, n).sample();
        int[] c2 = new int[configs.length];
        double[] t2 = new double[targets.length];
        double[] m2 = new double[n];
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            System.arraycopy(configs, j * per, c2, i * per, per);
            t2[2 * i] = targets[2 * j];
            t2[2 * i + 1] = targets[2 * j + 1];
            m2[i] = mu[j];
        }
        return new LatticeDataset(spec, c2, t2, m2);
    }
}
