package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TablesTest {
    /** Private, like a record declared in a notebook cell (nested in a non-public class). */
    private record Row(int epoch, long samples, double loss, boolean best, String mode) {}

    @Test
    void recordsBecomeTypedColumns() {
        Table table = Tables.fromRecords("history", List.of(
                new Row(1, 100L, 0.5, false, "EQ"), new Row(2, 200L, 0.25, true, "EQ")));
        assertEquals(List.of("epoch", "samples", "loss", "best", "mode"), table.columnNames());
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.STRING),
                table.columns().stream().map(c -> c.type()).toList());
        assertEquals(0.25, table.doubleColumn("loss").get(1));
        assertEquals(200L, table.longColumn("samples").get(1));
        assertEquals("EQ", table.stringColumn("mode").get(0));
    }

    @Test
    void columnsMustHaveEqualLength() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("a", new double[] {1, 2});
        columns.put("b", new double[] {3, 4});
        assertEquals(2, Tables.fromColumns("t", columns).rowCount());
        columns.put("c", new double[] {5});
        assertThrows(IllegalArgumentException.class, () -> Tables.fromColumns("t", columns));
        assertThrows(IllegalArgumentException.class, () -> Tables.fromRecords("empty", List.<Row>of()));
    }
}
