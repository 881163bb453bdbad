package io.payout.orchestrator.ops;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A withdrawal as operations see it: the row, its serials (when asked for) and its full history. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record WithdrawalDetails(String withdrawalId, WithdrawalStatus status, String huifuId, AccountKind accountKind,
                         IntoAcctDateType intoAcctDateType, Amount cashAmt, Amount feeAmt, String reqDate,
                         String reqSeqId, String hfSeqId, boolean attention, String attentionReason,
                         NextAction nextAction, Instant nextActionAt, List<SerialDetails> serials,
                         List<HistoryDetails> history) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SerialDetails(String reqDate, String reqSeqId, int sentCount, String submitOutcome, String submitCode,
                         int queryCount, int notFoundCount, Instant lastQueryAt, String lastQueryResult) {
    }

    /** One transition (to set) or one piece of evidence that changed nothing (to null). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HistoryDetails(Instant occurredAt, EventSource source, WithdrawalStatus from, WithdrawalStatus to,
                          UUID eventId, String evidence, String reasonCode, String reason) {
    }

    static WithdrawalDetails summary(Withdrawal w) {
        return of(w, null, null);
    }

    static WithdrawalDetails of(Withdrawal w, List<WithdrawalSerials.Serial> serials, List<HistoryRow> history) {
        return new WithdrawalDetails(w.withdrawalId(), w.status(), w.request().huifuId(), w.request().accountKind(),
                w.request().intoAcctDateType(), w.request().cashAmt(), w.feeAmt(), w.reqDate(), w.reqSeqId(),
                w.hfSeqId(), w.attention(), w.attentionReason(), w.nextAction(), w.nextActionAt(),
                serials == null ? null : serials.stream().map(s -> new SerialDetails(s.key().reqDate(),
                        s.key().reqSeqId(), s.sentCount(), s.submitOutcome(), s.submitCode(), s.queryCount(),
                        s.notFoundCount(), s.lastQueryAt(), s.lastQueryResult())).toList(),
                history == null ? null : history.stream().map(h -> new HistoryDetails(h.occurredAt(), h.source(),
                        h.from(), h.to(), h.eventId(), h.evidence(), h.reasonCode(), h.reason())).toList());
    }
}
