package latticeq.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables from the shapes library results come in: records, columns of numbers. */
public final class Tables {
    private Tables() {}

    /**
     * One row per record, one column per record component (int, long, double/float, boolean
     * keep their type; anything else becomes text). Works for any library record without the
     * library knowing about tables.
     */
    public static <R extends Record> Table fromRecords(String name, List<R> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records is empty: need at least one record to know the columns");
        }
        Class<?> type = records.get(0).getClass();
        RecordComponent[] components = type.getRecordComponents();
        List<Column<?>> columns = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            columns.add(column(component, records));
        }
        return Table.create(name, columns);
    }

    /** Columns of equal length, in the map's order (use a LinkedHashMap or Map.of for one column). */
    public static Table fromColumns(String name, Map<String, double[]> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns is empty: need at least one column");
        }
        int rows = -1;
        List<Column<?>> list = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : columns.entrySet()) {
            if (rows >= 0 && entry.getValue().length != rows) {
                throw new IllegalArgumentException("column " + entry.getKey() + " has " + entry.getValue().length
                        + " rows, the first column has " + rows + ": need equal lengths");
            }
            rows = entry.getValue().length;
            list.add(DoubleColumn.create(entry.getKey(), entry.getValue()));
        }
        return Table.create(name, list);
    }

    private static <R extends Record> Column<?> column(RecordComponent component, List<R> records) {
        Class<?> t = component.getType();
        String name = component.getName();
        List<Object> values = new ArrayList<>(records.size());
        java.lang.reflect.Method accessor = component.getAccessor();
        // records declared in a notebook cell are nested in JShell's non-public wrapper classes
        accessor.setAccessible(true);
        for (R record : records) {
            if (record.getClass() != records.get(0).getClass()) {
                throw new IllegalArgumentException("records mix " + records.get(0).getClass().getName() + " and "
                        + record.getClass().getName() + ": need records of one type");
            }
            try {
                values.add(accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read record component " + name + " of " + t.getName(), e);
            }
        }
        if (t == int.class || t == Integer.class || t == short.class || t == byte.class) {
            IntColumn c = IntColumn.create(name);
            values.forEach(v -> { if (v == null) c.appendMissing(); else c.append(((Number) v).intValue()); });
            return c;
        }
        if (t == long.class || t == Long.class) {
            LongColumn c = LongColumn.create(name);
            values.forEach(v -> { if (v == null) c.appendMissing(); else c.append(((Number) v).longValue()); });
            return c;
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            DoubleColumn c = DoubleColumn.create(name);
            values.forEach(v -> { if (v == null) c.appendMissing(); else c.append(((Number) v).doubleValue()); });
            return c;
        }
        if (t == boolean.class || t == Boolean.class) {
            BooleanColumn c = BooleanColumn.create(name);
            values.forEach(v -> { if (v == null) c.appendMissing(); else c.append((Boolean) v); });
            return c;
        }
        StringColumn c = StringColumn.create(name);
        values.forEach(v -> c.append(v == null ? "" : String.valueOf(v)));
        return c;
    }
}
