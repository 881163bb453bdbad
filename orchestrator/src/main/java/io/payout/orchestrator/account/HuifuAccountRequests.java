package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import io.payout.model.account.AccountRequested;
import io.payout.model.account.BankCard;
import io.payout.model.account.CashConfig;
import io.payout.model.account.HolderKind;
import io.payout.orchestrator.huifu.AccountOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The business fields of each account call, from the request as the upstream sent it (ACCOUNTS.md A2–A7): Huifu's
 * field names, nested objects and lists as JSON text. Pure: the caller adds nothing but the serial and dates.
 */
final class HuifuAccountRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HuifuAccountRequests() {
    }

    /** The call that opens the user. */
    static AccountOperation openingOf(AccountRequested request) {
        return request.holder().kind() == HolderKind.INDIVIDUAL ? AccountOperation.OPEN_INDIVIDUAL
                : AccountOperation.OPEN_ENTERPRISE;
    }

    static Map<String, Object> opening(AccountRequested request) {
        return new LinkedHashMap<>(request.holder().fields());
    }

    /** The call of the step {@code SEND} for this request. */
    static AccountOperation changeOf(AccountRequested request) {
        if (request.action() == AccountAction.SEND_VERIFY_CODE) {
            return AccountOperation.MERCHANT_SMS_SEND;
        }
        if (request.accountKind() == AccountKind.MERCHANT) {
            return AccountOperation.MERCHANT_MODIFY;
        }
        return request.action() == AccountAction.OPEN_USER ? AccountOperation.USER_BUSINESS_OPEN
                : AccountOperation.USER_BUSINESS_MODIFY;
    }

    static Map<String, Object> change(AccountRequested request, String huifuId, String upperHuifuId,
                                      String notifyUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("huifu_id", huifuId);
        if (request.action() == AccountAction.SEND_VERIFY_CODE) {
            data.put("verify_type", "settleBankChange");
            return data;
        }
        if (request.action() == AccountAction.OPEN_USER) {
            data.put("upper_huifu_id", upperHuifuId);
        }
        if (request.card() != null) {
            Map<String, Object> card = card(request.card());
            if (request.authorization() != null) {
                if (request.authorization().bySmsCode()) {
                    card.put("verify_code", request.authorization().verifyCode());
                } else {
                    data.put("authentication_type", "1");
                    data.put("authentication_person_type", request.authorization().personType());
                    data.put("authentication_person_mobile", request.authorization().personMobile());
                }
            }
            data.put("card_info", JSON.writeValueAsString(card));
        }
        if (request.cashConfig() != null) {
            boolean modify = request.action() != AccountAction.OPEN_USER;
            data.put("cash_config", JSON.writeValueAsString(request.cashConfig().stream()
                    .map(config -> cashConfig(config, modify)).toList()));
        }
        if (notifyUrl != null && !notifyUrl.isBlank()) {
            data.put("async_return_url", notifyUrl);
        }
        return data;
    }

    static AccountOperation detailQueryOf(AccountKind kind) {
        return kind == AccountKind.MERCHANT ? AccountOperation.MERCHANT_DETAIL_QUERY
                : AccountOperation.USER_DETAIL_QUERY;
    }

    static AccountOperation statusQueryOf(AccountKind kind) {
        return kind == AccountKind.MERCHANT ? AccountOperation.MERCHANT_STATUS_QUERY
                : AccountOperation.USER_APPLY_QUERY;
    }

    static Map<String, Object> statusQuery(String huifuId, String applyNo) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("huifu_id", huifuId);
        data.put("apply_no", applyNo);
        return data;
    }

    static Map<String, Object> account(String huifuId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("huifu_id", huifuId);
        return data;
    }

    /** {@code v2/user/list/query}: an individual by its certificate, an enterprise by its legal person's. */
    static Map<String, Object> userLookup(AccountRequested request, String upperHuifuId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("legal_cert_no", request.holder().certNo());
        if (upperHuifuId != null) {
            data.put("upper_huifu_id", upperHuifuId);
        }
        return data;
    }

    private static Map<String, Object> card(BankCard card) {
        Map<String, Object> info = new LinkedHashMap<>();
        put(info, "card_type", card.cardType() == null ? null : card.cardType().code());
        put(info, "card_name", card.cardName());
        put(info, "card_no", card.cardNo());
        put(info, "prov_id", card.provId());
        put(info, "area_id", card.areaId());
        put(info, "branch_code", card.branchCode());
        put(info, "bank_code", card.bankCode());
        put(info, "cert_type", card.certType());
        put(info, "cert_no", card.certNo());
        put(info, "cert_validity_type", card.certValidityType());
        put(info, "cert_begin_date", card.certBeginDate());
        put(info, "cert_end_date", card.certEndDate());
        put(info, "mp", card.mp());
        put(info, "is_settle_default", card.settleDefault() == null ? null : card.settleDefault() ? "Y" : "N");
        return info;
    }

    /** Only a modify carries {@code switch_state}; the types a first opening lists are switched on. */
    private static Map<String, Object> cashConfig(CashConfig config, boolean modify) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cash_type", config.cashType().name());
        if (modify) {
            entry.put("switch_state", Boolean.FALSE.equals(config.switchedOn()) ? "0" : "1");
        }
        put(entry, "fix_amt", config.fixAmt() == null ? null : config.fixAmt().toString());
        put(entry, "fee_rate", config.feeRate() == null ? null : config.feeRate().toPlainString());
        put(entry, "weekday_fix_amt", config.weekdayFixAmt() == null ? null : config.weekdayFixAmt().toString());
        put(entry, "weekday_fee_rate", config.weekdayFeeRate() == null ? null
                : config.weekdayFeeRate().toPlainString());
        put(entry, "out_fee_flag", config.feeBearer() == null ? null : config.feeBearer().code());
        put(entry, "out_fee_huifu_id", config.outFeeHuifuId());
        return entry;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

}
