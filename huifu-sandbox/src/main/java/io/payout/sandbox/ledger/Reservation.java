package io.payout.sandbox.ledger;

import io.payout.model.Amount;

/**
 * The ledger's answer to a withdrawal request: a {@link Hold} when accepted, otherwise the Huifu code to answer.
 * {@code transactional} refusals (balance, quota) carry {@code trans_stat} F; the others are plain errors.
 */
public record Reservation(Hold hold, Amount fee, String respCode, String respDesc, boolean transactional) {

    static Reservation accepted(Hold hold) {
        return new Reservation(hold, hold.fee(), null, null, true);
    }

    static Reservation error(String respCode, String respDesc) {
        return new Reservation(null, null, respCode, respDesc, false);
    }

    static Reservation failed(Amount fee, String respCode, String respDesc) {
        return new Reservation(null, fee, respCode, respDesc, true);
    }

    public boolean isAccepted() {
        return hold != null;
    }
}
