package latticeq.notebook;

import java.util.Locale;

/**
 * How charts are shown: PNG (pixels at the chart's size, what every front end shows) or SVG
 * (vector: sharp at any zoom and usually smaller in a report). The kernel's {@code %display svg}
 * and {@code %display png} switch it; {@link #ENVIRONMENT_VARIABLE} sets the default.
 */
public enum ChartFormat {
    PNG, SVG;

    /** Environment variable naming the default format: {@code png} or {@code svg}. */
    public static final String ENVIRONMENT_VARIABLE = "LATTICEQ_CHART_FORMAT";

    /** Parses "png" or "svg" (any case); {@code what} names the setting in the error message. */
    public static ChartFormat parse(String value, String what) {
        if (value != null) {
            for (ChartFormat format : values()) {
                if (format.name().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException(what + " = " + value + " is not a chart format: need png or svg");
    }

    /** The format {@link #ENVIRONMENT_VARIABLE} names; PNG when it is unset or blank. */
    public static ChartFormat fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? PNG : parse(value, ENVIRONMENT_VARIABLE);
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
