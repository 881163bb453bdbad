package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import io.payout.testkit.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A statement with one break of each class, matched twice against a real database, with an explanation between. */
class StatementReconciliationIntegrationTest {

    private static final String DATE = "20261126";
    private static final String ACCOUNT = "6666000000000001";
    private static final String HEADER = "huifu_id,req_date,req_seq_id,hf_seq_id,acct_id,cash_amt,fee_amt,"
            + "into_acct_date_type,trans_status,acct_status,token_no,card_no,trans_time,end_time\r\n";

    @Test
    void eachBreakIsFoundOnceAndAnExplainedOneIsNotRaisedAgain() throws IOException {
        DataSource dataSource = TestPostgres.freshDatabase().dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        StatementBreaks breaks = new StatementBreaks(JdbcClient.create(dataSource), Clock.systemUTC());
        StatementReconciliation reconciliation = new StatementReconciliation(breaks);
        List<SentSerial> expected = List.of(serial(DATE, "ok"), serial(DATE, "amount"), serial(DATE, "fee"),
                serial(DATE, "status"), serial("20261124", "omitted"), serial(DATE, "carried"));
        byte[] zip = zip(row("ok", "10.00", "1.00", "S") + row("amount", "10.01", "1.00", "S")
                + row("fee", "10.00", "1.50", "S") + row("status", "10.00", "1.00", "F")
                + row("elsewhere", "99.00", "1.00", "S"));

        StatementReconciliation.Outcome first = reconciliation.match(DATE, expected, new ByteArrayInputStream(zip));

        assertThat(first.rows()).isEqualTo(5);
        assertThat(first.raised()).isEqualTo(5);
        assertThat(first.carried()).extracting(SentSerial::reqSeqId).containsExactly("carried");
        assertThat(breaks.of(DATE)).extracting(b -> b.found().breakClass() + " " + b.found().reqSeqId())
                .containsExactlyInAnyOrder("AMOUNT_MISMATCH amount", "FEE_MISMATCH fee", "STATUS_MISMATCH status",
                        "UNKNOWN_TO_US elsewhere", "MISSING_AT_HUIFU omitted");

        long unknown = breaks.of(DATE).stream().filter(b -> b.found().breakClass() == BreakClass.UNKNOWN_TO_US)
                .findFirst().orElseThrow().id();
        assertThat(breaks.explain(DATE, unknown, "ops-anna", "made in Huifu's console by finance")).isTrue();
        StatementReconciliation.Outcome again = reconciliation.match(DATE, expected, new ByteArrayInputStream(zip));

        assertThat(again.found()).isEqualTo(5);
        assertThat(again.raised()).as("a re-run raises nothing new").isZero();
        assertThat(breaks.of(DATE)).hasSize(5).filteredOn(b -> !b.open()).singleElement()
                .satisfies(b -> assertThat(b.explainedBy()).isEqualTo("ops-anna"));
    }

    private static SentSerial serial(String reqDate, String reqSeqId) {
        WithdrawalStatus status = reqSeqId.equals("carried") ? WithdrawalStatus.PROCESSING : WithdrawalStatus.SUCCEEDED;
        return new SentSerial("w-" + reqSeqId, ACCOUNT, reqDate, reqSeqId, true, status, Amount.parse("10.00"),
                Amount.parse("1.00"));
    }

    private static String row(String reqSeqId, String cash, String fee, String status) {
        return String.join(",", ACCOUNT, DATE, reqSeqId, "hf", "a1", cash, fee, "T1", status, "", "tok",
                "6222****1234", "20261126100000", "") + "\r\n";
    }

    private static byte[] zip(String rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(DATE + "_" + ACCOUNT + "_outcash_1.csv"));
            zip.write((HEADER + rows).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
