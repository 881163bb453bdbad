package io.payout.sandbox.account;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.CashConfigSpec;
import io.payout.sandbox.ledger.Ledger;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field rules and list items shared by the user and merchant paths. */
final class AccountFields {

    private AccountFields() {
    }

    static Map<String, String> cardItem(BoundCard card) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("card_type", card.cardType());
        item.put("card_name", card.cardName());
        item.put("card_no", card.cardNo());
        item.put("prov_id", card.provId());
        item.put("area_id", card.areaId());
        item.put("branch_code", card.branchCode());
        item.put("cert_type", card.certType());
        item.put("cert_no", card.certNo());
        item.put("mp", card.mp());
        item.put("status", "N");
        item.put("token_no", card.tokenNo());
        item.put("is_settle_default", card.isSettleDefault());
        return item;
    }

    /**
     * A cash config as the detail queries return it: {@code out_cash_*}, except the payer, which the user query calls
     * {@code out_cash_huifuid} and the merchant query {@code out_fee_huifuid} (A7): {@code payerField}.
     */
    static Map<String, String> cashItem(CashConfigSpec config, String payerField) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("cash_type", config.cashType());
        item.put("switch_state", config.switchState());
        item.put("fix_amt", config.fixAmt().toString());
        item.put("fee_rate", config.feeRate());
        if (config.weekdayFixAmt() != null) {
            item.put("weekday_fix_amt", config.weekdayFixAmt().toString());
        }
        if (config.weekdayFeeRate() != null) {
            item.put("weekday_fee_rate", config.weekdayFeeRate());
        }
        item.put("out_cash_flag", config.outFeeFlag());
        item.put(payerField, config.outFeeHuifuId());
        item.put("out_cash_acct_type", "01");
        return item;
    }

    /** A cash_config list as specs, refused whole when one is malformed; without switch_state, switched on. */
    static List<CashConfigSpec> cashSpecs(List<Map<String, String>> configs, boolean switchStateAllowed) {
        return configs.stream().map(config -> new CashConfigSpec(config.getOrDefault("cash_type", "D0"),
                Amount.parse("fix_amt", orZero(config.get("fix_amt"))), orZero(config.get("fee_rate")),
                outFeeFlag(config), config.get("out_fee_huifu_id"),
                switchStateAllowed ? config.getOrDefault("switch_state", "1") : "1",
                blank(config.get("weekday_fix_amt")) ? null : Amount.parse(config.get("weekday_fix_amt")),
                config.get("weekday_fee_rate"))).toList();
    }

    /** Sets these cash types on the account; the types not named keep their configuration. */
    static void configure(Ledger ledger, String huifuId, List<CashConfigSpec> specs) {
        Map<String, CashConfigSpec> merged = new LinkedHashMap<>();
        ledger.account(huifuId).ifPresent(account ->
                account.cashConfig().forEach(config -> merged.put(config.cashType(), config)));
        specs.forEach(spec -> merged.put(spec.cashType(), spec));
        ledger.setCashConfig(huifuId, List.copyOf(merged.values()));
    }

    static String outFeeFlag(Map<String, String> config) {
        return blank(config.get("out_fee_flag")) ? "2" : config.get("out_fee_flag");
    }

    static String orZero(String text) {
        return blank(text) ? "0.00" : text;
    }

    static BigDecimal amountOrZero(String text) {
        try {
            return new BigDecimal(orZero(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cash_config费率格式错误:" + text);
        }
    }

    static String missing(Map<String, String> data, String... fields) {
        for (String field : fields) {
            if (blank(data.get(field))) {
                return field + "不能为空";
            }
        }
        return null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A stable number of {@code length} digits for {@code key}: the same user or card gets the same id again. */
    static String digits(String kind, String key, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (int i = 0; out.length() < length; i++) {
                out.append(Math.floorMod(hash[i % hash.length] + i, 10));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
