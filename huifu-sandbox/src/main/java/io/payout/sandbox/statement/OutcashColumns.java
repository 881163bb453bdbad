package io.payout.sandbox.statement;

import io.payout.sandbox.lifecycle.SettlementClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The column layout of the withdrawal ({@code outcash}) CSV: OUR ASSUMPTION. No public source shows Huifu's
 * (ACCOUNTS.md A8 [?]), so it is built from the fields of the withdrawal query and notices. It lives here alone, one
 * line a column in file order, so that a correction is a one-line change. Times are yyyyMMddHHmmss, Beijing.
 */
final class OutcashColumns {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(SettlementClock.BEIJING);

    private record Column(String name, Function<StatementRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("huifu_id", StatementRow::huifuId),
            new Column("req_date", StatementRow::reqDate),
            new Column("req_seq_id", StatementRow::reqSeqId),
            new Column("hf_seq_id", StatementRow::hfSeqId),
            new Column("acct_id", StatementRow::acctId),
            new Column("cash_amt", StatementRow::cashAmt),
            new Column("fee_amt", StatementRow::feeAmt),
            new Column("into_acct_date_type", StatementRow::intoAcctDateType),
            new Column("trans_status", StatementRow::transStatus),
            new Column("acct_status", StatementRow::acctStatus),
            new Column("token_no", StatementRow::tokenNo),
            new Column("card_no", StatementRow::cardNo),
            new Column("trans_time", row -> time(row.transTime())),
            new Column("end_time", row -> time(row.endTime())));

    private OutcashColumns() {
    }

    /** The first line of every CSV, with its line break. */
    static String headerLine() {
        return COLUMNS.stream().map(Column::name).collect(Collectors.joining(",")) + "\r\n";
    }

    static String line(StatementRow row) {
        return COLUMNS.stream().map(column -> field(column.value().apply(row)))
                .collect(Collectors.joining(",")) + "\r\n";
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted; null is empty. */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
