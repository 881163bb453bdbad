package io.payout.orchestrator.console;

import io.payout.model.AccountKind;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** One withdrawal as the console's lists show it. */
public record ConsoleRow(String withdrawalId, WithdrawalStatus status, String huifuId, AccountKind accountKind,
                         IntoAcctDateType cashType, BigDecimal cashAmt, BigDecimal feeAmt, String reqSeqId,
                         String hfSeqId, boolean attention, String attentionReason, String remark,
                         Instant createdAt, Instant updatedAt) {
}
