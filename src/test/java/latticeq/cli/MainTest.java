package latticeq.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import latticeq.data.DatasetIO;
import latticeq.data.LatticeDataset;
import latticeq.lattice.Lattice;
import latticeq.phi4.FreeField;
import latticeq.phi4.Phi4Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void samplePrintsOneJsonObjectWithTheRequiredKeys() throws Exception {
        Result r = run("sample", "--nt", "12", "--nx", "4", "--mu", "1.05", "--therm", "100", "--measure", "2000", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, "stdout must be exactly one JSON object: " + r.out());
        JsonNode o = new ObjectMapper().readTree(lines[0]);
        for (String key : new String[] {"n", "n_err", "tau_n", "phi2", "phi2_err", "tau_phi2", "worms", "worm_steps", "seconds"}) {
            assertTrue(o.has(key), key + " missing: " + o);
        }
        assertEquals(2100L * 6, o.get("worms").asLong(), "default worms per sweep for 12x4 is 6");
        assertTrue(o.get("worm_steps").asLong() >= o.get("worms").asLong());
        assertTrue(o.get("phi2_err").asDouble() > 0 && o.get("tau_phi2").asDouble() >= 0.5);
        assertTrue(r.err().contains("sample"), "progress line expected on stderr");
        // same seed, same numbers
        Result again = run("sample", "--nt", "12", "--nx", "4", "--mu", "1.05", "--therm", "100", "--measure", "2000", "--seed", "7", "--quiet");
        JsonNode o2 = new ObjectMapper().readTree(again.out());
        assertEquals(o.get("n").asDouble(), o2.get("n").asDouble(), 0);
        assertEquals(o.get("phi2").asDouble(), o2.get("phi2").asDouble(), 0);
        assertEquals("", again.err());
    }

    @Test
    void sampleReproducesTheFreeFieldAndReportsIt() throws Exception {
        Result r = run("sample", "--nt", "8", "--nx", "4", "--eta", "5", "--lambda", "0", "--mu", "0.8",
                "--therm", "500", "--measure", "100000", "--seed", "3", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        Phi4Params p = new Phi4Params(5, 0, 0.8);
        Lattice lat = new Lattice(8, 4);
        assertEquals(FreeField.density(lat, p), o.get("exact_n").asDouble(), 1e-15);
        assertEquals(o.get("exact_n").asDouble(), o.get("n").asDouble(), 4 * o.get("n_err").asDouble());
        assertEquals(o.get("exact_phi2").asDouble(), o.get("phi2").asDouble(), 4 * o.get("phi2_err").asDouble());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sample --nt 60 --nx 4                     | --mu",
        "sample --mu 1 --nt abc                    | --nt",
        "sample --mu 1 --measure 1                 | --measure",
        "sample --mu 1 --worms-per-sweep 0         | --worms-per-sweep",
        "sample --mu 1 --lambda -1                 | lambda = -1.0",
        "sample --mu 1 --nt 1                      | nt = 1",
        "sample --mu 1 --bogus 3                   | --bogus",
        "sample --mu 1 --sampler slow              | --sampler",
        "generate --mu 1.0                         | --out",
        "generate --out x --mu 1 --sizes 60by4     | --sizes",
        "generate --out x --mu 1,1                 | mus = ",
        "generate --out pom.xml --mu 1             | --out = pom.xml is not allowed: it is a file",
        "generate --out x --mu 1 --sizes 6x4,6x4   | 6x4 appears twice",
        "exact --eta 4 --mu 0                      | eta = 4.0",
        "exact --eta 1e308 --mu 0                  | need -1e6 < eta < 1e6",
        "sample --mu 1 --measure 2147483647        | --measure = 2147483647 is not allowed: its time series need about",
        "sample --mu 1 --worms-per-sweep 2147483647 | need 1..1000000",
        "frobnicate                                | frobnicate",
        "''                                        | missing command"})
    void badArgumentsExitNonZeroWithOneLineNamingTheArgument(String args, String expected) {
        Result r = run(args.isEmpty() ? new String[0] : args.split(" "));
        assertNotEquals(0, r.code());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "expected one line: " + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }

    @Test
    void aChainThatHasNotEquilibratedIsReported() throws Exception {
        // mu = 100: the density keeps growing from the empty start; an equilibrated run says nothing
        Result drifting = run("sample", "--nt", "6", "--nx", "4", "--mu", "100", "--therm", "0", "--measure", "400", "--quiet");
        assertEquals(0, drifting.code(), drifting.err());
        assertTrue(drifting.err().contains("sample: warning: ") && drifting.err().contains("has not reached equilibrium"), drifting.err());
        assertTrue(new ObjectMapper().readTree(drifting.out()).has("warning"));
        Result fine = run("sample", "--nt", "12", "--nx", "4", "--mu", "1.05", "--therm", "100", "--measure", "2000", "--seed", "7", "--quiet");
        assertFalse(fine.err().contains("warning"), fine.err());
        assertFalse(new ObjectMapper().readTree(fine.out()).has("warning"));
    }

    @Test
    void generateRefusesAnEmptyOutBeforeSampling() {
        Result r = run("generate", "--out", "", "--mu", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out = '' is not allowed: need a directory path"), r.err());
    }

    @Test
    void generateWritesOneDatasetDirectoryPerSize(@TempDir Path dir) throws Exception {
        Result r = run("generate", "--out", dir.toString(), "--sizes", "6x4,4x2", "--mu", "0.9,1.2", "--configs-per-mu", "15",
                "--therm", "50", "--decorrelation", "2", "--seed", "11", "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(2, o.size());
        LatticeDataset a = DatasetIO.read(dir.resolve("6x4"));
        LatticeDataset b = DatasetIO.read(dir.resolve("4x2"));
        assertEquals(30, a.size());
        assertArrayEquals(new int[] {30, 4, 4, 2}, b.featureShape());
        assertEquals(11, a.spec().seed());
        assertEquals(2, a.spec().decorrelationSweeps());
        assertEquals(3, a.spec().wormsPerSweep());
    }

    @Test
    void exactPrintsTheMomentumSum() throws Exception {
        Result r = run("exact", "--nt", "8", "--nx", "4", "--eta", "5", "--mu", "0.8");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(FreeField.phi2(new Lattice(8, 4), new Phi4Params(5, 0, 0.8)), o.get("phi2").asDouble(), 1e-15);
    }

    /** notebook 03's sweep from the command line, on the local engine; a second run loads every network from the store */
    @Test
    void trainRunsTheRegressionSweepIntoTheModelStore(@TempDir Path dir) throws Exception {
        String[] args = {"train", "--data", dir.toString(), "--train-per-mu", "10", "--therm", "20", "--decorrelation", "2",
            "--sizes", "40", "--runs", "1", "--max-epochs", "2", "--patience", "2", "--workers", "1", "--quiet"};
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        JsonNode fits = new ObjectMapper().readTree(r.out());
        assertEquals(6, fits.size(), "EQ, ST, FL x N = 80 (the pool), 40: " + r.out());
        assertEquals(80, fits.get(0).get("n").asInt(), "largest first");
        for (JsonNode f : fits) {
            assertFalse(f.get("cached").asBoolean());
            int best = f.get("bestEpoch").asInt();   // counted from 1, as everywhere
            assertTrue(best >= 1 && best <= f.get("epochs").asInt(), "bestEpoch " + best + " of " + f.get("epochs"));
            assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("models").resolve(f.get("store").asText()).resolve("model.zip")));
        }
        JsonNode again = new ObjectMapper().readTree(run(args).out());
        for (int i = 0; i < 6; i++) {
            assertTrue(again.get(i).get("cached").asBoolean());
            assertEquals(fits.get(i).get("bestValidationLoss").asDouble(), again.get(i).get("bestValidationLoss").asDouble(), 0.0);
        }
        assertEquals(Main.USAGE, run("train", "--data", dir.toString(), "--runs", "0").code());
    }
}
