package io.payout.orchestrator.ops;

import io.payout.orchestrator.reconciliation.statement.BreakClass;
import io.payout.orchestrator.reconciliation.statement.StoredBreak;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A statement break as the operations API shows it (JSON snake_case, or one CSV line). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BreakView(long id, String tradeDate, BreakClass breakClass, String huifuId, String reqSeqId,
                 String withdrawalId, String detail, boolean open, Instant foundAt, Instant explainedAt,
                 String explainedBy, String explanation) {

    static final String CSV_HEADER = "id,trade_date,break_class,huifu_id,req_seq_id,withdrawal_id,detail,open,"
            + "found_at,explained_at,explained_by,explanation";

    static BreakView of(StoredBreak b) {
        return new BreakView(b.id(), b.found().tradeDate(), b.found().breakClass(), b.found().huifuId(),
                b.found().reqSeqId(), b.found().withdrawalId(), b.found().detail(), b.open(), b.foundAt(),
                b.explainedAt(), b.explainedBy(), b.explanation());
    }

    String csv() {
        return String.join(",", String.valueOf(id), tradeDate, breakClass.name(), text(huifuId), text(reqSeqId),
                text(withdrawalId), quoted(detail), String.valueOf(open), text(foundAt), text(explainedAt),
                quoted(explainedBy), quoted(explanation));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Operator and detail text may hold commas, quotes or line breaks. */
    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
