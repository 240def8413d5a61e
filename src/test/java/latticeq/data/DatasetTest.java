package latticeq.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import latticeq.phi4.DualConfiguration;
import latticeq.phi4.Observables;
import latticeq.phi4.WeightTable;
import latticeq.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @TempDir
    Path dir;

    static DatasetSpec small(long seed) {
        return new DatasetSpec(6, 4, 4.01, 1.0, List.of(0.9, 1.05, 1.3), 40, 100, 3, 3, seed, true);
    }

    @Test
    void generatedSamplesArePhysicalAndTargetsMatchTheirConfigurations() {
        DatasetSpec spec = small(1);
        List<Long> reports = new ArrayList<>();
        LatticeDataset d = DatasetGenerator.generate(spec, 2, (done, total, msg) -> reports.add(done));
        assertEquals(120, d.size());
        assertArrayEquals(new int[] {120, 4, 6, 4}, d.featureShape());
        assertFalse(reports.isEmpty());
        assertEquals(reports.get(reports.size() - 1), (long) 3 * (100 + 40 * 3));
        Set<Double> mus = new HashSet<>();
        boolean grouped = true;
        for (int i = 0; i < d.size(); i++) {
            DualConfiguration c = d.configuration(i);
            assertTrue(c.isDivergenceFree() && c.hasNonNegativeL());
            assertEquals(Observables.density(c), d.density(i), 0);
            assertEquals(Observables.phi2(c, WeightTable.of(spec.params(d.mu(i)))), d.phi2(i), 1e-12);
            assertEquals(c.windingNumber(), d.winding(i));
            mus.add(d.mu(i));
            grouped &= i == 0 || d.mu(i) >= d.mu(i - 1);
        }
        assertEquals(Set.of(0.9, 1.05, 1.3), mus);
        assertFalse(grouped, "shuffle=true should mix the mu values");
        // features in [N, 4, Nt, Nx] order: channel 2 of sample 5 is l_t
        float[] features = d.featuresAsFloat();
        int[] l = d.configuration(5).l();
        for (int s = 0; s < 24; s++) {
            assertEquals(l[s], features[5 * 96 + 2 * 24 + s]);
            assertEquals(l[s], d.feature(5, 2, s / 4, s % 4));
        }
        float[] batch = d.featuresAsFloat(5, 7);
        assertEquals(2 * 96, batch.length);
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(features, 5 * 96, 7 * 96)), java.util.Arrays.toString(batch));
        assertEquals((float) d.phi2(6), d.targetsAsFloat(5, 7)[3]);
        assertThrows(IllegalArgumentException.class, () -> d.featuresAsFloat(7, 5));
    }

    @Test
    void sameSpecGivesIdenticalDataWhateverTheThreadsAndOtherSeedsDiffer() {
        LatticeDataset a = DatasetGenerator.generate(small(5), 1, ProgressListener.none());
        LatticeDataset b = DatasetGenerator.generate(small(5), 3, ProgressListener.none());
        assertEquals(a, b);
        LatticeDataset c = DatasetGenerator.generate(small(6), 2, ProgressListener.none());
        assertNotEquals(a, c);
    }

    @Test
    void streamSeedsDependOnlyOnMasterSeedSizeAndMu() {
        DatasetSpec a = small(9);
        DatasetSpec b = new DatasetSpec(6, 4, 4.01, 1.0, List.of(1.05), 10, 0, 1, 1, 9, false);
        DatasetSpec c = new DatasetSpec(60, 4, 4.01, 1.0, List.of(1.05), 10, 0, 1, 1, 9, false);
        assertEquals(a.streamSeed(1.05), b.streamSeed(1.05));
        assertNotEquals(a.streamSeed(1.05), c.streamSeed(1.05));
        assertNotEquals(a.streamSeed(1.05), a.streamSeed(0.9));
        assertNotEquals(a.streamSeed(1.05), small(10).streamSeed(1.05));
        // unshuffled single-mu data of b equal the mu = 1.05 samples of the same chain generated alone
        LatticeDataset d = DatasetGenerator.generate(b, 1, ProgressListener.none());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(1.05, d.mu(i));
        }
    }

    @Test
    void subsetTakesTheFirstSamplesAndAccessorsCopy() {
        LatticeDataset d = DatasetGenerator.generate(small(2), 2, ProgressListener.none());
        LatticeDataset s = d.subset(7);
        assertEquals(7, s.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(d.configuration(i), s.configuration(i));
            assertEquals(d.phi2(i), s.phi2(i));
            assertEquals(d.mu(i), s.mu(i));
        }
        d.targets()[0] = 99;
        assertNotEquals(99, d.density(0));
        assertThrows(IllegalArgumentException.class, () -> d.subset(121));
    }

    @Test
    void specValidationNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetSpec(6, 4, 4.01, 1.0, List.of(1.0), 0, 0, 1, 1, 1, false));
        assertTrue(e.getMessage().startsWith("configsPerMu = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DatasetSpec(6, 4, 4.01, 1.0, List.of(1.0, 1.0), 1, 0, 1, 1, 1, false));
        assertTrue(e.getMessage().startsWith("mus = "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DatasetSpec(6, 4, 4.01, -1, List.of(1.0), 1, 0, 1, 1, 1, false));
        assertTrue(e.getMessage().startsWith("lambda = "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DatasetSpec(6, 1, 4.01, 1, List.of(1.0), 1, 0, 1, 1, 1, false));
        assertTrue(e.getMessage().contains("nx = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DatasetSpec(6, 4, 4.01, 1, List.of(1.0), 1, 0, 0, 1, 1, false));
        assertTrue(e.getMessage().startsWith("decorrelationSweeps = 0"), e.getMessage());
    }

    @Test
    void writeReadRoundTripWithManifest() throws IOException {
        LatticeDataset d = DatasetGenerator.generate(small(3), 2, ProgressListener.none());
        Path out = dir.resolve("set");
        DatasetIO.write(d, out);
        assertEquals(d, DatasetIO.read(out));
        String manifest = Files.readString(out.resolve("manifest.json"));
        for (String key : List.of("\"codeVersion\"", "\"seed\" : 3", "\"sha256\"", "\"thermSweeps\" : 100", "\"k_t\"", "\"streams\"")) {
            assertTrue(manifest.contains(key), key + " missing from manifest");
        }
        assertEquals(NpyReader.sha256(out.resolve("configs.npy")),
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest).path("arrays").path("configs").path("sha256").asText());
        // overwrite in place; nothing but the dataset is left in the parent directory
        DatasetIO.write(d.subset(10), out);
        assertEquals(d.subset(10), DatasetIO.read(out));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "temporary directories left behind");
        }
    }

    @Test
    void corruptedFilesAreRejectedWithTheProblemNamed() throws IOException {
        DatasetSpec spec = new DatasetSpec(4, 2, 4.01, 1.0, List.of(1.0), 20, 10, 2, 2, 4, false);
        LatticeDataset d = DatasetGenerator.generate(spec, 1, ProgressListener.none());
        Path out = dir.resolve("c");
        DatasetIO.write(d, out);
        Path configs = out.resolve("configs.npy");
        byte[] good = Files.readAllBytes(configs);

        byte[] flipped = good.clone();
        flipped[flipped.length - 3] ^= 1;
        Files.write(configs, flipped);
        assertMessage(out, "sha256 mismatch");

        byte[] magic = good.clone();
        magic[0] = 'X';
        Files.write(configs, magic);
        assertMessage(out, "bad magic");

        Files.write(configs, java.util.Arrays.copyOf(good, good.length - 8));
        assertMessage(out, "truncated");
        Files.write(configs, good);

        NpyWriter.writeFloat32(out.resolve("targets.npy"), new float[40], 20, 2);
        assertMessage(out, "dtype is '<f4', expected '<f8'");
        NpyWriter.writeFloat64(out.resolve("targets.npy"), new double[40], 40);
        assertMessage(out, "shape is [40], expected [20, 2]");

        Files.delete(out.resolve("mu.npy"));
        DatasetIO.write(d, out);
        Files.delete(out.resolve("mu.npy"));
        assertMessage(out, "mu.npy: missing");
        Files.delete(out.resolve("manifest.json"));
        assertMessage(out, "no manifest.json");
    }

    /** A manifest edited by hand, or arrays that contradict the spec, are rejected even when every checksum of the arrays holds. */
    @Test
    void editedManifestsAndArraysThatContradictTheSpecAreRejected() throws IOException {
        DatasetSpec spec = new DatasetSpec(4, 2, 4.01, 1.0, List.of(0.9, 1.2), 10, 10, 2, 2, 4, true);
        LatticeDataset d = DatasetGenerator.generate(spec, 1, ProgressListener.none());
        Path out = dir.resolve("m");
        DatasetIO.write(d, out);
        Path manifest = out.resolve("manifest.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replace("\"eta\" : 4.01", "\"eta\" : 4.5"));
        assertMessage(out, "the manifest was edited");
        Files.writeString(manifest, good.replace("\"seed\" : 4,", "\"seed\" : 5,"));
        assertMessage(out, "the manifest was edited");
        // a manifest without the content checksum (older writer) still gets the content checks
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(good);
        tree.remove("contentSha256");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).putArray("mus").add(0.5).add(1.2);
        Files.writeString(manifest, tree.toString());
        assertMessage(out, "not one of the spec's [0.5, 1.2]");
        // a third mu and fewer configurations per mu: 20 rows could be a subset of 3 x 8, but not with 10 at one mu
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).putArray("mus").add(0.9).add(1.2).add(1.5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).put("configsPerMu", 8);
        Files.writeString(manifest, tree.toString());
        assertMessage(out, "10 rows at mu = 0.9, the spec says 8 per mu at most");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).putArray("mus").add(0.9).add(1.2);
        // a target that is not its configuration's density, with a consistent checksum
        double[] targets = d.targets();
        targets[0] += 0.25;
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).put("configsPerMu", 10);
        String sha = NpyWriter.writeFloat64(out.resolve("targets.npy"), targets, 20, 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("arrays").path("targets")).put("sha256", sha);
        Files.writeString(manifest, tree.toString());
        assertMessage(out, "row 0 has n = ");
    }

    /** Temporaries of an interrupted write are removed at the next write once they are stale, never while fresh. */
    @Test
    void staleTemporariesOfInterruptedWritesAreRemoved() throws IOException {
        LatticeDataset d = DatasetGenerator.generate(new DatasetSpec(4, 2, 4.01, 1.0, List.of(1.0), 5, 10, 2, 2, 4, false), 1, ProgressListener.none());
        Path stale = Files.createDirectories(dir.resolve(".t.tmp-123").resolve("inner"));
        Files.writeString(stale.resolve("configs.npy"), "half written");
        Path staleOld = Files.createDirectories(dir.resolve(".t.old-9"));
        Path fresh = Files.createDirectories(dir.resolve(".t.tmp-456"));
        Path foreign = Files.createDirectories(dir.resolve(".other.tmp-1"));
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000);
        for (Path p : List.of(stale.getParent(), staleOld, foreign)) Files.setLastModifiedTime(p, twoHoursAgo);
        DatasetIO.write(d, dir.resolve("t"));
        assertFalse(Files.exists(stale.getParent()), "stale .tmp- removed");
        assertFalse(Files.exists(staleOld), "stale .old- removed");
        assertTrue(Files.exists(fresh), "a fresh temporary (a write in progress) is kept");
        assertTrue(Files.exists(foreign), "another dataset's temporaries are not ours to remove");
    }

    private static void assertMessage(Path dir, String expected) {
        String m = assertThrows(NpyFormatException.class, () -> DatasetIO.read(dir)).getMessage();
        assertTrue(m.contains(expected), "expected '" + expected + "' in: " + m);
    }

    @Test
    void cacheGeneratesOnceThenLoadsAndRepairsDamage() throws IOException {
        DatasetSpec spec = small(8);
        List<String> messages = new ArrayList<>();
        ProgressListener log = (done, total, msg) -> messages.add(msg);
        LatticeDataset first = Datasets.loadOrGenerate(dir, spec, log);
        Path entry = Datasets.cacheDirectory(dir, spec);
        assertTrue(Files.isDirectory(entry));
        messages.clear();
        LatticeDataset second = Datasets.loadOrGenerate(dir, spec, log);
        assertEquals(first, second);
        assertEquals(List.of("loaded " + entry.getFileName()), messages);
        // another seed is another entry
        assertNotEquals(entry, Datasets.cacheDirectory(dir, spec.withSeed(9)));
        // a damaged entry is regenerated, not returned
        Files.write(entry.resolve("targets.npy"), new byte[] {1, 2, 3});
        messages.clear();
        assertEquals(first, Datasets.loadOrGenerate(dir, spec, log));
        assertFalse(messages.contains("loaded " + entry.getFileName()));
        assertTrue(messages.get(0).startsWith("cache entry " + entry.getFileName() + " is not usable ("), "says why: " + messages.get(0));
        assertEquals(first, DatasetIO.read(entry));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "temporary directories left behind");
        }
    }

    @Test
    void numpyLoadsAWrittenDataset() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NpyTest.run("import numpy") == 0, "/usr/bin/python3 with numpy not available");
        LatticeDataset d = DatasetGenerator.generate(small(4), 2, ProgressListener.none());
        Path out = dir.resolve("np");
        DatasetIO.write(d, out);
        String check = String.join(";",
                "import numpy as np, json, hashlib",
                "p = r'" + out + "'",
                "c = np.load(p + '/configs.npy'); t = np.load(p + '/targets.npy'); m = np.load(p + '/mu.npy')",
                "assert c.dtype == np.int32 and c.shape == (120, 4, 6, 4)",
                "assert t.dtype == np.float64 and t.shape == (120, 2) and m.shape == (120,)",
                // div k = 0 with numpy's own rolls: k_t(t,x) - k_t(t-1,x) + k_x(t,x) - k_x(t,x-1)
                "div = c[:,0] - np.roll(c[:,0], 1, axis=1) + c[:,1] - np.roll(c[:,1], 1, axis=2)",
                "assert (div == 0).all() and (c[:,2:] >= 0).all()",
                "assert np.allclose(t[:,0], c[:,0].sum(axis=(1,2)) / 24.0, rtol=0, atol=1e-15)",
                "man = json.load(open(p + '/manifest.json'))",
                "assert man['arrays']['configs']['sha256'] == hashlib.sha256(open(p + '/configs.npy','rb').read()).hexdigest()");
        assertEquals(0, NpyTest.run(check));
    }
}
