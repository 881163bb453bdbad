package io.payout.sandbox.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a statement as Huifu ships it: a zip of CSVs {@code <base>_1.csv}, {@code <base>_2.csv}, … each with the
 * header and at most {@code rowsPerFile} rows. Row by row, straight to the stream: nothing is built in memory.
 */
final class OutcashZip {

    private OutcashZip() {
    }

    /** Writes every row of {@code rows} and finishes the zip (leaving {@code out} open); returns the row count. */
    static long write(Stream<StatementRow> rows, OutputStream out, String baseName, int rowsPerFile)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Not closed: that would close the response stream; flushed before each entry ends instead.
        Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        Iterator<StatementRow> iterator = rows.iterator();
        long total = 0;
        int batch = 0;
        int inBatch = rowsPerFile; // full: the first row opens batch 1
        while (iterator.hasNext()) {
            StatementRow row = iterator.next();
            if (inBatch == rowsPerFile) {
                if (batch > 0) {
                    csv.flush();
                    zip.closeEntry();
                }
                batch++;
                zip.putNextEntry(new ZipEntry(baseName + "_" + batch + ".csv"));
                csv.write(OutcashColumns.headerLine());
                inBatch = 0;
            }
            csv.write(OutcashColumns.line(row));
            inBatch++;
            total++;
        }
        csv.flush();
        if (batch > 0) {
            zip.closeEntry();
        }
        zip.finish();
        return total;
    }
}
