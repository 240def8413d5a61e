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
 * one complete worm; the auxiliary counter {@code headSteps} counts head proposals, so its
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
        int wps = DualSampler.defaultWormsPerSweep(lat);
        // thermalize with the fast sampler's chain length for both: start from equilibrium-like state
        s = sampler.equals("fast") ? new WormSampler(lat, p, wps, 1) : new ReferenceWormSampler(lat, p, wps, 1);
        s.sweeps(lat.volume() >= 1000 ? 300 : 1000);
    }

    @Benchmark
    public long worm(Steps steps) {
        long before = s.headSteps();
        s.worm();
        long done = s.headSteps() - before;
        steps.headSteps += done;
        return done;
    }
}
