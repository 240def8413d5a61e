package latticeq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellMagicsTest {
    @Test
    void lineMagicsSplitTheCellInOrder() throws Exception {
        CellMagics.Parsed p = CellMagics.parse("int a = 1;\n%maven g:a:1 \"x y\"\nint b = 2;\n%time b++;");
        assertNull(p.cellMagic());
        assertEquals(4, p.parts().size());
        CellMagics.LineMagic m = (CellMagics.LineMagic) p.parts().get(1);
        assertEquals("maven", m.name());
        assertEquals(List.of("g:a:1", "x y"), m.args());
        assertEquals(2, m.line());
        assertEquals(3, ((CellMagics.Code) p.parts().get(2)).firstLine());
        assertTrue(((CellMagics.Code) p.parts().get(3)).timed());
    }

    @Test
    void aFirstLineCellMagicTakesTheBody() throws Exception {
        CellMagics.Parsed p = CellMagics.parse("\n%%bash\nls\n%not a magic here\n");
        assertEquals("bash", p.cellMagic().name());
        assertEquals("ls\n%not a magic here\n", p.cellMagic().body());
        assertEquals(2, p.cellMagic().line());
        CellMagics.Parsed timed = CellMagics.parse("%%time\n%sh ls\nint x = 1;");
        assertTrue(timed.timeWholeCell());
        assertEquals("sh", ((CellMagics.LineMagic) timed.parts().get(0)).name());
    }

    @Test
    void malformedMagicsAreErrorsNamingThem() {
        CellException e = assertThrows(CellException.class, () -> CellMagics.parse("%jars 'unclosed"));
        assertTrue(e.getMessage().contains("%jars: line 1: unclosed '"), e.getMessage());
        e = assertThrows(CellException.class, () -> CellMagics.parse("int x;\n%time"));
        assertTrue(e.getMessage().contains("%time: line 2"), e.getMessage());
        e = assertThrows(CellException.class, () -> CellMagics.parse("% maven"));
        assertTrue(e.getMessage().contains("needs a name"), e.getMessage());
    }

    @Test
    void mavenCoordinatesAreCheckedBeforeResolution() throws Exception {
        assertEquals("jar", MavenCoordinates.parse("g:a:1").getExtension());
        var classified = MavenCoordinates.parse("org.nd4j:nd4j-native:jar:linux-x86_64:1.0.0-M2.1");
        assertEquals("linux-x86_64", classified.getClassifier());
        assertEquals("1.0.0-M2.1", classified.getVersion());
        for (String bad : List.of("g:a", "g::1", "g:a:1:x:y:z", "g a:b:1")) {
            MagicException e = assertThrows(MagicException.class, () -> MavenCoordinates.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void pomFragmentsAndWholePomsGiveDependenciesAndRepositories() throws Exception {
        PomFragment.Parsed whole = PomFragment.parse("""
                <?xml version="1.0"?>
                <project>
                  <properties><v>3.6.1</v></properties>
                  <repositories><repository><id>r</id><url>https://example.org/m2</url></repository></repositories>
                  <dependencyManagement><dependencies><dependency><groupId>m</groupId><artifactId>m</artifactId><version>1</version></dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-math3</artifactId><version>${v}</version>
                      <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions></dependency>
                    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13</version><scope>test</scope></dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies><dependency><groupId>p</groupId><artifactId>p</artifactId><version>1</version></dependency></dependencies></plugin></plugins></build>
                </project>""", PomFragment.DEFAULT_SCOPES);
        assertEquals(1, whole.dependencies().size());
        assertEquals("3.6.1", whole.dependencies().get(0).getArtifact().getVersion());
        assertEquals(1, whole.dependencies().get(0).getExclusions().size());
        assertEquals("https://example.org/m2", whole.repositories().get("r"));
        assertEquals(List.of("junit:junit:4.13 (scope test)"), whole.skipped());
        PomFragment.Parsed withTests = PomFragment.parse("<dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13</version><scope>test</scope></dependency>", Set.of("test"));
        assertEquals(1, withTests.dependencies().size());
        MagicException e = assertThrows(MagicException.class, () -> PomFragment.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>", PomFragment.DEFAULT_SCOPES));
        assertTrue(e.getMessage().contains("g:a has no <version>"), e.getMessage());
        e = assertThrows(MagicException.class, () -> PomFragment.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${nope}</version></dependency>", PomFragment.DEFAULT_SCOPES));
        assertTrue(e.getMessage().contains("${nope}"), e.getMessage());
    }
}
