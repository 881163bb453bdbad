package io.payout.model.account;

import io.payout.model.AccountKind;
import io.payout.model.ParsedRequest;
import io.payout.model.RecordFields;
import io.payout.model.RecordJson;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns the bytes of an {@code account.requests} record into an {@link AccountRequested}, or into every reason it
 * breaks CONTRACT.md §6. Like the withdrawal parser, it never throws on bad input. It checks form, not Huifu's
 * judgement: whether a name matches its card or a fee is above the floor is Huifu's to say.
 */
public final class AccountRequestParser {

    private static final Pattern AUTHENTICATION_TYPE = Pattern.compile("[01]");

    public ParsedRequest<AccountRequested> parse(byte[] value) {
        RecordJson.Read read = RecordJson.object(value);
        return read.problem() != null ? ParsedRequest.malformed(read.problem()) : validate(read.object());
    }

    private ParsedRequest<AccountRequested> validate(JsonNode root) {
        RecordFields fields = RecordFields.of(root);
        String id = fields.idempotencyKey("account_request_id");
        AccountAction action = fields.enumValue("action", AccountAction.class);
        AccountKind kind = fields.enumValue("account_kind", AccountKind.class);
        Instant requestedAt = fields.instant("requested_at");
        String huifuId = null;
        if (action == AccountAction.OPEN_USER) {
            if (fields.has("huifu_id")) {
                fields.error("huifu_id", "huifu_id is given by Huifu when the account opens; leave it out");
            }
            if (kind == AccountKind.MERCHANT) {
                fields.error("account_kind", "account_kind must be USER: OPEN_USER opens a user account");
            }
        } else if (action != null) {
            huifuId = fields.text("huifu_id", true, 32);
        }
        AccountHolder holder = null;
        BankCard card = null;
        List<CashConfig> cash = null;
        CardChangeAuthorization authorization = null;
        if (action != null && kind != null) {
            switch (action) {
                case OPEN_USER -> {
                    holder = HolderFields.read(fields, "user");
                    card = CardFields.read(fields, false, kind);
                    cash = CashConfigFields.read(fields, CashConfigFields.Mode.OPENING, false);
                    checkOpening(fields, holder, card, cash);
                }
                case SEND_VERIFY_CODE -> requireMerchant(fields, kind, action);
                case BIND_CARD -> {
                    card = CardFields.read(fields, true, kind);
                    authorization = kind == AccountKind.MERCHANT ? authorization(fields) : null;
                }
                case SET_CASH_CONFIG -> cash = CashConfigFields.read(fields, CashConfigFields.Mode.CHANGE, true);
                case REFRESH -> {
                    // the account and nothing more
                }
                default -> throw new IllegalStateException("unhandled action " + action);
            }
        }
        if (fields.hasErrors()) {
            return ParsedRequest.invalid(id, fields.errors());
        }
        return ParsedRequest.valid(new AccountRequested(id, action, kind, huifuId, holder, card, cash, authorization,
                requestedAt), id);
    }

    /** Huifu's own rules that a request can break on its face (ACCOUNTS.md A3.1). */
    private static void checkOpening(RecordFields fields, AccountHolder holder, BankCard card, List<CashConfig> cash) {
        if (cash != null && card == null) {
            fields.error("card", "card is required with cash_config: cash needs a card to go to");
        }
        if (holder != null && card != null && holder.kind() == HolderKind.INDIVIDUAL
                && card.cardType() != null && card.cardType() != CardType.PRIVATE_LEGAL_PERSON) {
            fields.error("card", "card.card_type must be 1 for an individual user (a private card of its own)");
        }
    }

    private static void requireMerchant(RecordFields fields, AccountKind kind, AccountAction action) {
        if (kind != AccountKind.MERCHANT) {
            fields.error("account_kind", "account_kind must be MERCHANT: " + action + " is for merchants' card changes");
        }
    }

    /** The SMS code ({@code authentication_type} 0, the default) or the consent fields (1) of ACCOUNTS.md A4. */
    private static CardChangeAuthorization authorization(RecordFields fields) {
        String type = fields.matching("authentication_type", false, AUTHENTICATION_TYPE,
                "0 (SMS code) or 1 (consent check)");
        if ("1".equals(type)) {
            String personType = fields.text("authentication_person_type", true, 2);
            String mobile = fields.matching("authentication_person_mobile", true, FieldRules.MOBILE, "11 digits");
            return new CardChangeAuthorization(null, personType, mobile);
        }
        String code = fields.text("verify_code", true, 8);
        return code == null ? null : new CardChangeAuthorization(code, null, null);
    }
}
