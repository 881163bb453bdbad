package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.Masking;
import io.payout.model.account.CashConfigEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the facts of Huifu's detail queries ({@code v2/merchant/basicdata/query}, {@code v2/user/basicdata/query};
 * ACCOUNTS.md A7) into the registry's terms: {@code qry_cash_card_info_list}, {@code qry_cash_config_list} (whose
 * {@code out_cash_*} names become the requests' {@code out_fee_*}) and {@code mer_stat}. A list Huifu did not send, or
 * sent unreadable, stays unknown rather than empty, so a partial answer never unbinds a card or switches a type off.
 */
final class DetailQueryFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FULL_CARD_NO = Pattern.compile("[0-9]{8,32}");

    private DetailQueryFacts() {
    }

    /** The answer's fields as the Huifu client hands them over: nested lists as JSON text. */
    static AccountFacts from(String huifuId, AccountKind kind, Map<String, String> data,
                             KeyedHashes hashes) {
        JsonNode tree = JSON.valueToTree(data);
        return from(huifuId, kind, tree, hashes);
    }

    static AccountFacts from(String huifuId, AccountKind kind, JsonNode data, KeyedHashes hashes) {
        JsonNode cardList = list(data.get("qry_cash_card_info_list"));
        JsonNode configList = list(data.get("qry_cash_config_list"));
        return new AccountFacts(huifuId, kind,
                cardList == null ? null : cards(cardList, hashes),
                configList == null ? null : readableCashConfig(configList),
                text(data, "mer_stat"));
    }

    private static List<KnownCard> cards(JsonNode list, KeyedHashes hashes) {
        List<KnownCard> cards = new ArrayList<>();
        for (JsonNode card : list) {
            String tokenNo = text(card, "token_no");
            if (tokenNo == null) {
                // a card without token_no cannot be named by a withdrawal: nothing to register
                continue;
            }
            String cardNo = text(card, "card_no");
            // Huifu may answer the number masked: only a full number is worth a hash for later matching.
            String hmac = cardNo != null && FULL_CARD_NO.matcher(cardNo).matches() ? hashes.ofCardNo(cardNo) : null;
            cards.add(new KnownCard(tokenNo, cardNo == null ? null : Masking.tail(cardNo), hmac,
                    text(card, "card_type"), isYes(text(card, "is_settle_default")),
                    !"C".equals(text(card, "status"))));
        }
        return cards;
    }

    /** The list, or null (unknown) when an amount in it cannot be read: half a configuration would mislead the checks. */
    private static List<CashConfigEntry> readableCashConfig(JsonNode list) {
        try {
            return cashConfig(list);
        } catch (IllegalArgumentException | ArithmeticException unreadableAmount) {
            return null;
        }
    }

    private static List<CashConfigEntry> cashConfig(JsonNode list) {
        List<CashConfigEntry> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            IntoAcctDateType type = cashType(text(entry, "cash_type"));
            if (type == null) {
                // a business type that is no withdrawal type of ours
                continue;
            }
            String outFeeHuifuId = text(entry, "out_cash_huifuid");
            entries.add(new CashConfigEntry(type, text(entry, "switch_state"), amount(text(entry, "fix_amt")),
                    text(entry, "fee_rate"), amount(text(entry, "weekday_fix_amt")),
                    text(entry, "weekday_fee_rate"), text(entry, "out_cash_flag"),
                    outFeeHuifuId != null ? outFeeHuifuId : text(entry, "out_fee_huifuid")));
        }
        return entries;
    }

    /** A JSON-array string (as Huifu sends these lists) or a native array; null when absent or unreadable. */
    private static JsonNode list(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node;
        }
        if (node.isString() && !node.asString().isBlank()) {
            try {
                JsonNode parsed = JSON.readTree(node.asString());
                return parsed != null && parsed.isArray() ? parsed : null;
            } catch (JacksonException unreadable) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    private static IntoAcctDateType cashType(String code) {
        for (IntoAcctDateType type : IntoAcctDateType.values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }

    /** Huifu's amount text, also when it writes fewer decimals ({@code 1}, {@code 0.5}); never rounded. */
    private static Amount amount(String text) {
        return text == null ? null : new Amount(new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY));
    }

    private static boolean isYes(String flag) {
        return "Y".equals(flag) || "1".equals(flag);
    }
}
