package io.payout.orchestrator.reconciliation.statement;

import io.payout.model.Amount;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcash columns the matcher needs, found by name in the header: the layout is the sandbox's assumption
 * (ACCOUNTS.md A8), so columns are never taken by position. Fields follow RFC 4180 within a line; no column we read
 * holds a line break.
 */
final class OutcashCsv {

    private final int huifuId;
    private final int reqDate;
    private final int reqSeqId;
    private final int cashAmt;
    private final int feeAmt;
    private final int transStatus;

    private OutcashCsv(List<String> header) {
        huifuId = index(header, "huifu_id");
        reqDate = index(header, "req_date");
        reqSeqId = index(header, "req_seq_id");
        cashAmt = index(header, "cash_amt");
        feeAmt = index(header, "fee_amt");
        transStatus = index(header, "trans_status");
    }

    static OutcashCsv fromHeader(String line) {
        // a UTF-8 byte order mark would hide the first column's name
        return new OutcashCsv(fields(line.startsWith("\uFEFF") ? line.substring(1) : line));
    }

    StatementRow row(String line) {
        List<String> f = fields(line);
        String fee = f.get(feeAmt);
        return new StatementRow(f.get(huifuId), f.get(reqDate), f.get(reqSeqId), Amount.parse("cash_amt",
                f.get(cashAmt)), fee.isEmpty() ? null : Amount.parse("fee_amt", fee), f.get(transStatus));
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static int index(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("outcash CSV has no column " + name + ": " + header);
        }
        return i;
    }
}
