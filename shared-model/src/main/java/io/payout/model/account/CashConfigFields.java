package io.payout.model.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.RecordFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads a request's {@code cash_config} list (ACCOUNTS.md A3.1, CONTRACT.md §6): one entry per cash type. */
final class CashConfigFields {

    /** Huifu's String(6): up to 999.99 yuan. */
    private static final Amount MAX_FIX_AMT = Amount.parse("999.99");
    private static final Pattern RATE = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.[0-9]{1,2})?");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern SWITCH = Pattern.compile("[01]");
    private static final Pattern BEARER = Pattern.compile("[12]");

    /** An opening lists the types to switch on; a change says of each whether it is on. */
    enum Mode {
        OPENING,
        CHANGE
    }

    private CashConfigFields() {
    }

    static List<CashConfig> read(RecordFields parent, Mode mode, boolean required) {
        JsonNode node = parent.node("cash_config");
        if (node == null || node.isNull()) {
            if (required) {
                parent.error("cash_config", "cash_config is required");
            }
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            parent.error("cash_config", "cash_config must be a non-empty list, one entry per cash type");
            return null;
        }
        List<CashConfig> configs = new ArrayList<>();
        Set<IntoAcctDateType> seen = EnumSet.noneOf(IntoAcctDateType.class);
        for (int i = 0; i < node.size(); i++) {
            String name = "cash_config[" + i + "]";
            if (!node.get(i).isObject()) {
                parent.error(name, name + " must be an object");
                continue;
            }
            CashConfig config = entry(parent.nested(name, node.get(i)), mode);
            if (config != null && config.cashType() != null && !seen.add(config.cashType())) {
                parent.error(name, name + ".cash_type " + config.cashType() + " is listed twice");
            }
            configs.add(config);
        }
        if (mode == Mode.OPENING && configs.stream().map(c -> c == null ? null : c.effectiveFeeBearer())
                .distinct().count() > 1) {
            // the seed: 内扣/外扣 is uniform across cash types at first opening; a later change may differ
            parent.error("cash_config", "cash_config: out_fee_flag must be the same for every cash type at opening");
        }
        return configs;
    }

    private static CashConfig entry(RecordFields fields, Mode mode) {
        IntoAcctDateType cashType = fields.enumValue("cash_type", IntoAcctDateType.class);
        Boolean on = null;
        if (mode == Mode.OPENING) {
            if (fields.has("switch_state")) {
                fields.error("switch_state", fields.name("switch_state")
                        + " is not part of an opening: the cash types listed are switched on");
            }
        } else {
            String state = fields.matching("switch_state", true, SWITCH, "0 (off) or 1 (on)");
            on = state == null ? null : "1".equals(state);
        }
        Amount fixAmt = fixAmt(fields, "fix_amt");
        BigDecimal feeRate = rate(fields, "fee_rate");
        if (!Boolean.FALSE.equals(on) && fixAmt == null && feeRate == null && !fields.has("fix_amt")
                && !fields.has("fee_rate")) {
            fields.error("fix_amt", fields.name("fix_amt") + " or fee_rate is required for a cash type switched on");
        }
        Amount weekdayFixAmt = fixAmt(fields, "weekday_fix_amt");
        BigDecimal weekdayFeeRate = rate(fields, "weekday_fee_rate");
        if (cashType != null && cashType != IntoAcctDateType.D1
                && (fields.has("weekday_fix_amt") || fields.has("weekday_fee_rate"))) {
            fields.error("weekday_fix_amt", fields.name("weekday_fix_amt")
                    + " and weekday_fee_rate apply to D1 only (its working-day fee)");
        }
        String bearerCode = fields.matching("out_fee_flag", false, BEARER, "1 (外扣, another account pays) or 2 (内扣)");
        FeeBearer bearer = FeeBearer.ofCode(bearerCode);
        String outFeeHuifuId = fields.text("out_fee_huifu_id", bearer == FeeBearer.EXTERNAL, 32);
        return new CashConfig(cashType, on, fixAmt, feeRate, weekdayFixAmt, weekdayFeeRate, bearer, outFeeHuifuId);
    }

    private static Amount fixAmt(RecordFields fields, String field) {
        Amount amount = fields.amount(field, false);
        if (amount != null && amount.compareTo(MAX_FIX_AMT) > 0) {
            fields.error(field, fields.name(field) + " must be at most 999.99");
            return null;
        }
        return amount;
    }

    private static BigDecimal rate(RecordFields fields, String field) {
        String text = fields.matching(field, false, RATE, "a percentage with at most two decimals, e.g. 0.05");
        if (text == null) {
            return null;
        }
        BigDecimal rate = new BigDecimal(text);
        if (rate.compareTo(HUNDRED) > 0) {
            fields.error(field, fields.name(field) + " must be between 0.00 and 100.00");
            return null;
        }
        return rate;
    }
}
