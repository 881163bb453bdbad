package io.payout.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's verdict: one row per invariant with how many things it checked and how many broke it (with a few
 * examples), plus rows that only count (marked "-"), printed as a table. Any violation fails the build.
 */
public final class InvariantTable {

    private static final int EXAMPLES = 5;

    /** One invariant. {@code violations} null means the row only counts (an allowed, documented case). */
    record Row(String invariant, long checked, Long violations, List<String> examples) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** An invariant: every item in {@code violating} breaks it. */
    public void check(String invariant, long checked, List<?> violating) {
        rows.add(new Row(invariant, checked, (long) violating.size(),
                violating.stream().limit(EXAMPLES).map(String::valueOf).toList()));
    }

    /** A count that breaks nothing (e.g. the documented FAILED-by-query case). */
    public void count(String what, long counted) {
        rows.add(new Row(what, counted, null, List.of()));
    }

    public long violations() {
        return rows.stream().filter(r -> r.violations() != null).mapToLong(Row::violations).sum();
    }

    public String render() {
        int width = rows.stream().mapToInt(r -> r.invariant().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        String format = "  %-" + width + "s  %8s  %10s%n";
        out.append(String.format(format, "invariant", "checked", "violations"));
        out.append(String.format(format, "-".repeat(width), "-".repeat(8), "-".repeat(10)));
        for (Row r : rows) {
            out.append(String.format(format, r.invariant(), r.checked(),
                    r.violations() == null ? "-" : r.violations()));
        }
        for (Row r : rows) {
            if (r.violations() != null && r.violations() > 0) {
                out.append("  violations of \"").append(r.invariant()).append("\", e.g.:\n");
                r.examples().forEach(e -> out.append("    ").append(e).append('\n'));
            }
        }
        return out.toString();
    }
}
