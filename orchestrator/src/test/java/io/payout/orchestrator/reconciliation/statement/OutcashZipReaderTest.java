package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class OutcashZipReaderTest {

    private static final String HEADER = "huifu_id,req_date,req_seq_id,hf_seq_id,acct_id,cash_amt,fee_amt,"
            + "into_acct_date_type,trans_status,acct_status,token_no,card_no,trans_time,end_time\r\n";
    private static final String ROW = "6666000000000001,20261126,seq-%d,hf,a1,10.00,1.00,T1,S,S,tok,\"6222****1234\","
            + "20261126100000,20261126100500\r\n";

    @Test
    void streamsTheRowsOfEveryEntryByColumnName() throws IOException {
        byte[] zip = zip("20261126_6666000000000001_outcash_1.csv", HEADER + row(1) + row(2),
                "20261126_6666000000000001_outcash_2.csv", HEADER + row(3));
        List<StatementRow> rows = new ArrayList<>();

        long count = new OutcashZipReader().read(new ByteArrayInputStream(zip), rows::add);

        assertThat(count).isEqualTo(3);
        assertThat(rows).extracting(StatementRow::reqSeqId).containsExactly("seq-1", "seq-2", "seq-3");
        assertThat(rows.get(0).cashAmt()).hasToString("10.00");
        assertThat(rows.get(0).transStatus()).isEqualTo("S");
    }

    @Test
    void refusesAnEntryWhosePathEscapes() throws IOException {
        byte[] zip = zip("../20261126_6666000000000001_outcash_1.csv", HEADER + row(1));

        assertThatThrownBy(() -> new OutcashZipReader().read(new ByteArrayInputStream(zip), row -> { }))
                .isInstanceOf(StatementRefused.class).hasMessageContaining("escapes");
    }

    @Test
    void refusesAnEntryThatIsNotAnOutcashCsv() throws IOException {
        byte[] zip = zip("readme.txt", "hello");

        assertThatThrownBy(() -> new OutcashZipReader().read(new ByteArrayInputStream(zip), row -> { }))
                .isInstanceOf(StatementRefused.class).hasMessageContaining("not an outcash CSV");
    }

    @Test
    void refusesTooManyEntriesAndTooManyInflatedBytes() throws IOException {
        byte[] two = zip("20261126_1_outcash_1.csv", HEADER, "20261126_1_outcash_2.csv", HEADER);
        assertThatThrownBy(() -> new OutcashZipReader(1, 1_000_000).read(new ByteArrayInputStream(two), row -> { }))
                .isInstanceOf(StatementRefused.class).hasMessageContaining("more than 1 entries");

        byte[] big = zip("20261126_1_outcash_1.csv", HEADER + row(1).repeat(100));
        assertThatThrownBy(() -> new OutcashZipReader(10, 1_000).read(new ByteArrayInputStream(big), row -> { }))
                .isInstanceOf(StatementRefused.class).hasMessageContaining("inflates to more than 1000 bytes");
    }

    private static String row(int n) {
        return String.format(ROW, n);
    }

    /** Name, content pairs. */
    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
