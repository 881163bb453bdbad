package io.payout.sandbox.ledger;

import io.payout.model.Masking;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A bound settlement card; {@code token_no} is what withdrawals name (PROTOCOL.md §6). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CardSpec(String tokenNo, String cardNo, String cardName, String certNo) {

    public CardSpec {
        if (tokenNo == null || tokenNo.isBlank() || tokenNo.length() > 20) {
            throw new IllegalArgumentException("token_no is required, at most 20 characters: " + tokenNo);
        }
    }

    public static CardSpec of(String tokenNo) {
        return new CardSpec(tokenNo, "6222020200112233" + Math.abs(tokenNo.hashCode() % 100), "测试用户", "110101199001011234");
    }

    /** The card as the control API shows it: numbers and names masked. */
    public CardSpec masked() {
        return new CardSpec(tokenNo, Masking.tail(cardNo), Masking.name(cardName), Masking.tail(certNo));
    }

    @Override
    public String toString() {
        return "CardSpec[token_no=" + tokenNo + ", card_no=" + Masking.tail(cardNo) + ", card_name="
                + Masking.name(cardName) + ", cert_no=" + Masking.tail(certNo) + "]";
    }
}
