package io.payout.model.account;

import io.payout.model.Masking;

/**
 * A withdrawal card as Huifu's {@code card_info} describes it (ACCOUNTS.md A3.1, A4), in its field names. The card
 * number, certificate number and holder name are needed only for Huifu's calls: {@link #toString()} masks them, and
 * nothing else may print them.
 *
 * @param cardType null for an individual merchant, whose form has {@code bank_code} instead
 */
public record BankCard(
        CardType cardType,
        String cardName,
        String cardNo,
        String provId,
        String areaId,
        String branchCode,
        String bankCode,
        String certType,
        String certNo,
        String certValidityType,
        String certBeginDate,
        String certEndDate,
        String mp,
        Boolean settleDefault) {

    /** The card number as it may be shown and stored after the application is final: {@code ****2233}. */
    public String maskedCardNo() {
        return Masking.tail(cardNo);
    }

    @Override
    public String toString() {
        return "BankCard[card_type=" + (cardType == null ? null : cardType.code()) + ", card_no=" + maskedCardNo()
                + ", card_name=" + Masking.name(cardName) + ", cert_no=" + Masking.tail(certNo) + "]";
    }
}
