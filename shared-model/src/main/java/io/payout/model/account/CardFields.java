package io.payout.model.account;

import io.payout.model.AccountKind;
import io.payout.model.RecordFields;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads a request's {@code card} object: Huifu's {@code card_info} (ACCOUNTS.md A3.1, A4). */
final class CardFields {

    private static final Pattern CARD_NO = Pattern.compile("[0-9]{8,32}");
    private static final Pattern BRANCH_CODE = Pattern.compile("[0-9]{1,12}");

    private CardFields() {
    }

    /**
     * @param kind whose card: a user's card names its type; an individual merchant's form has {@code bank_code}
     *             instead, so a merchant's card may leave the type out
     */
    static BankCard read(RecordFields parent, boolean required, AccountKind kind) {
        JsonNode node = parent.node("card");
        if (node == null || node.isNull()) {
            if (required) {
                parent.error("card", "card is required");
            }
            return null;
        }
        if (!node.isObject()) {
            parent.error("card", "card must be an object");
            return null;
        }
        RecordFields card = parent.nested("card", node);
        CardType type = null;
        String typeCode = card.text("card_type", kind == AccountKind.USER, 1);
        if (typeCode != null) {
            type = CardType.ofCode(typeCode);
            if (type == null) {
                card.error("card_type", "card.card_type must be 0, 1, 2 or 4");
            }
        }
        boolean personal = type == null ? kind == AccountKind.MERCHANT && typeCode == null : type.isPrivate();
        String cardName = card.text("card_name", personal, 128);
        String cardNo = card.matching("card_no", true, CARD_NO, "8 to 32 digits");
        String provId = card.matching("prov_id", true, FieldRules.SIX_DIGITS, "six digits");
        String areaId = card.matching("area_id", true, FieldRules.SIX_DIGITS, "six digits");
        String branchCode = card.matching("branch_code", type == CardType.CORPORATE, BRANCH_CODE,
                "Huifu's branch bank code, up to 12 digits");
        String bankCode = card.text("bank_code", false, 8);
        String certType = card.text("cert_type", false, 2);
        String certNo = card.text("cert_no", personal, 32);
        String validity = FieldRules.validity(card, "cert_validity_type", personal);
        String begin = FieldRules.date(card, "cert_begin_date", personal);
        String end = FieldRules.date(card, "cert_end_date", personal && "0".equals(validity));
        String mp = card.matching("mp", false, FieldRules.MOBILE, "11 digits");
        Boolean settleDefault = FieldRules.yesNo(card, "is_settle_default");
        return new BankCard(type, cardName, cardNo, provId, areaId, branchCode, bankCode,
                personal && certType == null ? "00" : certType, certNo, validity, begin, end, mp, settleDefault);
    }
}
