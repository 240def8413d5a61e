package latticeq.bench;

import java.util.concurrent.TimeUnit;
import latticeq.lattice.Lattice;
import latticeq.phi4.DualSampler;
import latticeq.phi4.Phi4Params;
import latticeq.phi4.ReferenceWormSampler;
import latticeq.phi4.WormSampler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Worm head steps per second (single thread) of the fast {@link WormSampler} and the
 * {@link ReferenceWormSampler}, eta = 4.01, lambda = 1, at equilibrium. One benchmark operation is
 * one complete worm (plus, every worms-per-sweep worms, the l Metropolis pass, so the chain is
 * the one the samplers really run); the auxiliary counter {@code headSteps} counts head proposals, so its
 * ops/s score is head steps per second. Run with {@code environment/bench-sampler.sh}, which
 * prints the fast/reference ratio of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WormBenchmark {

    @Param({"60x4", "200x10"})
    public String lattice;

    @Param({"1.05"})
    public double mu;

    @Param({"fast", "reference"})
    public String sampler;

    private DualSampler s;
    private int wormsPerSweep;
    private int worms;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long headSteps;
    }

    @Setup(Level.Trial)
    public void setUp() {
        String[] nm = lattice.split("x");
        Lattice lat = new Lattice(Integer.parseInt(nm[0]), Integer.parseInt(nm[1]));
        Phi4Params p = Phi4Params.paper(mu);
        wormsPerSweep = DualSampler.defaultWormsPerSweep(lat);
        // worms per sweep 0: sweep() is then the l pass alone, run below between worms
        s = sampler.equals("fast") ? new WormSampler(lat, p, 0, 1) : new ReferenceWormSampler(lat, p, 0, 1);
        for (int i = 0; i < (lat.volume() >= 1000 ? 300 : 1000); i++) {
            s.sweep();
            for (int w = 0; w < wormsPerSweep; w++) {
                s.worm();
            }
        }
    }

    @Benchmark
    public long worm(Steps steps) {
        // the real chain: one l pass every wormsPerSweep worms (its time is included, so the
        // head-step rate is slightly conservative; without it l would freeze and bias the worm length)
        if (++worms == wormsPerSweep) {
            worms = 0;
            s.sweep();
        }
        long before = s.headSteps();
        s.worm();
        long done = s.headSteps() - before;
        steps.headSteps += done;
        return done;
    }
}
