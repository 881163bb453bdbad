package io.payout.sandbox.api;

import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.Reservation;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalRequest;
import io.payout.sandbox.lifecycle.Withdrawals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The business side of 取现 (PROTOCOL.md §3, §9): validation, the serial rule, the ledger's checks, acceptance. */
final class EncashmentHandler {

    /** The sync answer's {@code data}; {@code transStat} and {@code hfSeqId} are null for plain errors. */
    record Outcome(Map<String, String> data, String respCode, String respDesc, String transStat, String hfSeqId) {
    }

    private final EncashmentRequestReader reader;
    private final Withdrawals withdrawals;
    private final Ledger ledger;
    private final Lifecycle lifecycle;
    private final SettlementClock settlementClock;
    private final Clock clock;

    EncashmentHandler(Withdrawals withdrawals, Ledger ledger, Lifecycle lifecycle, SettlementClock settlementClock,
                      Clock clock) {
        this.reader = new EncashmentRequestReader(clock);
        this.withdrawals = withdrawals;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.settlementClock = settlementClock;
        this.clock = clock;
    }

    Outcome handle(Map<String, String> data) {
        EncashmentRequestReader.Read read = reader.read(data);
        if (read.problem() != null) {
            return error(data, "10000000", read.problem());
        }
        WithdrawalRequest request = read.request();
        // The serial is taken before any business check: a repeat gets 20000000 whatever became of the first,
        // and no path below can create a second withdrawal for it.
        if (!withdrawals.claim(request.key())) {
            return error(data, "20000000", "重复交易");
        }
        boolean workingDay = settlementClock.isWorkingDay(LocalDate.now(clock.withZone(SettlementClock.BEIJING)));
        Reservation reservation = ledger.reserve(new Ledger.Ask(request.key().huifuId(), request.acctId(),
                request.tokenNo(), request.type(), request.cash(), workingDay));
        if (!reservation.isAccepted() && !reservation.transactional()) {
            withdrawals.keepClaim(request.key());
            return error(data, reservation.respCode(), reservation.respDesc());
        }
        WithdrawalRequest resolved = request.acctId() != null ? request
                : request.withAcctId(ledger.acctIdOf(request.key().huifuId()).orElse(null));
        if (!reservation.isAccepted()) {
            String hfSeqId = lifecycle.refuse(resolved, reservation);
            return answer(resolved, reservation.respCode(), reservation.respDesc(), "F", hfSeqId);
        }
        String hfSeqId = lifecycle.accept(resolved, reservation);
        return answer(resolved, "00000000", "受理成功", "P", hfSeqId);
    }

    private static Outcome answer(WithdrawalRequest request, String code, String desc, String transStat,
                                  String hfSeqId) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("acct_id", request.acctId());
        out.put("hf_seq_id", hfSeqId);
        out.put("huifu_id", request.key().huifuId());
        out.put("req_date", request.key().reqDate());
        out.put("req_seq_id", request.key().reqSeqId());
        out.put("resp_code", code);
        out.put("resp_desc", desc);
        out.put("trans_stat", transStat);
        return new Outcome(out, code, desc, transStat, hfSeqId);
    }

    /** A refusal that is not a transaction: no trans_stat, so no client mistakes it for the withdrawal's fate. */
    private static Outcome error(Map<String, String> data, String code, String desc) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("huifu_id", data.get("huifu_id"));
        out.put("req_date", data.get("req_date"));
        out.put("req_seq_id", data.get("req_seq_id"));
        out.put("resp_code", code);
        out.put("resp_desc", desc);
        return new Outcome(out, code, desc, null, null);
    }
}
