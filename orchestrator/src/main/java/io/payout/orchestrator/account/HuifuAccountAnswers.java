package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountChange;
import io.payout.model.account.AccountRequested;
import io.payout.model.account.BankCard;
import io.payout.model.account.CashConfig;
import io.payout.model.account.CashConfigEntry;
import io.payout.orchestrator.huifu.AccountAnswer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Huifu's account answers and audit notices into what the application needs (ACCOUNTS.md A2–A7): who was
 * opened under a serial, which business item a refusal names, a review's status through {@link AccountStatusTable},
 * and whether a detail query shows a change. Pure.
 */
final class HuifuAccountAnswers {

    /** {@code resp_business} item types: 1 card, 2 cash configuration, 3 settlement configuration. */
    static final String CARD = "1";
    static final String CASH = "2";
    static final String SETTLE = "3";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HuifuAccountAnswers() {
    }

    /** A review's reading: the change (empty when the value means nothing in its place) and why. */
    record Review(Optional<AccountChange> change, String code, String reason, String tokenNo) {
    }

    /** The user opened under {@code reqSeqId}, from {@code v2/user/list/query}'s {@code user_list}. */
    static Optional<String> userOpenedUnder(AccountAnswer answer, String reqSeqId) {
        for (JsonNode user : list(answer.field("user_list"))) {
            if (reqSeqId != null && reqSeqId.equals(text(user, "req_seq_id")) && text(user, "huifu_id") != null) {
                return Optional.of(text(user, "huifu_id"));
            }
        }
        return Optional.empty();
    }

    /** The business item a refusal names ({@code card}, {@code cash}, {@code settle}), or null. */
    static String refusedItem(AccountAnswer answer) {
        for (JsonNode item : list(answer.field("resp_business"))) {
            if ("F".equals(text(item, "code"))) {
                return itemName(text(item, "type"));
            }
        }
        return null;
    }

    /**
     * The card the request asked for, under the token Huifu gave it. Without {@code is_settle_default} Huifu makes an
     * account's first card its default ({@code firstCard}), as its detail query will show.
     */
    static KnownCard card(BankCard card, String tokenNo, boolean firstCard, KeyedHashes hashes) {
        boolean isDefault = card.settleDefault() != null ? card.settleDefault() : firstCard;
        return new KnownCard(tokenNo, card.maskedCardNo(), hashes.ofCardNo(card.cardNo()),
                card.cardType() == null ? null : card.cardType().code(), isDefault, true);
    }

    /** Whether the detail query shows what the request asked: its card bound, its cash configuration in place. */
    static boolean shows(AccountFacts facts, AccountRequested request, KeyedHashes hashes) {
        if (request.card() != null) {
            String hmac = hashes.ofCardNo(request.card().cardNo());
            return facts.cards() != null && facts.cards().stream()
                    .anyMatch(card -> card.open() && hmac.equals(card.cardHmac()));
        }
        if (request.cashConfig() != null) {
            return facts.cashConfig() != null && request.cashConfig().stream()
                    .allMatch(asked -> facts.cashConfig().stream().anyMatch(known -> same(known, asked)));
        }
        return false;
    }

    /** A status query's answer: a merchant's card change by {@code change_settle_state}, else {@code apply_status}. */
    static Review review(AccountAnswer answer, AccountKind kind) {
        String reason = answer.field("apply_reason");
        String cardChange = answer.field("change_settle_state");
        if (kind == AccountKind.MERCHANT && cardChange != null) {
            return new Review(AccountStatusTable.changeFor(StatusPlace.CARD_CHANGE_STATE, cardChange),
                    "CHANGE_" + cardChange, reason, null);
        }
        String status = answer.field("apply_status");
        return new Review(AccountStatusTable.changeFor(StatusPlace.STATUS_QUERY, status), "REVIEW_" + status, reason,
                null);
    }

    /**
     * An audit notice's {@code data} fields (ACCOUNTS.md A3.3, A4): a user's result in {@code audit_info} (JSON text),
     * a merchant's at the top level.
     */
    static Review audit(Map<String, String> data, AccountKind kind) {
        if (kind == AccountKind.MERCHANT) {
            String status = data.get("audit_status");
            return new Review(AccountStatusTable.changeFor(StatusPlace.MERCHANT_BUSINESS_NOTICE, status),
                    "AUDIT_" + status, data.get("audit_desc"), null);
        }
        JsonNode info = object(data.get("audit_info"));
        String status = info == null ? null : text(info, "audit_status");
        return new Review(AccountStatusTable.changeFor(StatusPlace.USER_BUSINESS_NOTICE, status), "AUDIT_" + status,
                info == null ? null : text(info, "audit_desc"), info == null ? null : text(info, "token_no"));
    }

    private static boolean same(CashConfigEntry known, CashConfig asked) {
        CashConfigEntry wanted = CashConfigEntry.of(asked);
        return known.cashType() == wanted.cashType() && known.switchState() != null
                && known.switchState().equals(wanted.switchState())
                && (wanted.fixAmt() == null || wanted.fixAmt().equals(known.fixAmt()))
                && (wanted.feeRate() == null || known.feeRate() != null
                    && new BigDecimal(known.feeRate()).compareTo(new BigDecimal(wanted.feeRate())) == 0);
    }

    private static String itemName(String type) {
        if (CARD.equals(type)) {
            return "card";
        }
        if (CASH.equals(type)) {
            return "cash";
        }
        return SETTLE.equals(type) ? "settle" : null;
    }

    private static List<JsonNode> list(String text) {
        List<JsonNode> items = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node.isString()) {
                node = JSON.readTree(node.asString());
            }
            if (node.isArray()) {
                node.forEach(items::add);
            }
        } catch (JacksonException unreadable) {
            // an unreadable list tells nothing
        }
        return items;
    }

    private static JsonNode object(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isObject() ? node : null;
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
