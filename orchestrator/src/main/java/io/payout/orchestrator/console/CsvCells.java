package io.payout.orchestrator.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that a spreadsheet opens as data: RFC 4180 quoting, and a cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, or a tab or carriage return) neutralised with a leading apostrophe.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String line(List<?> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
