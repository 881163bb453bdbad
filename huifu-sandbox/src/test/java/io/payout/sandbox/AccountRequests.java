package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Requests of Huifu's user account paths as ACCOUNTS.md A2, A3 and A6 name their fields. */
final class AccountRequests {

    static final String OPEN_INDIVIDUAL = "/v2/user/basicdata/indv";
    static final String OPEN_ENTERPRISE = "/v2/user/basicdata/ent";
    static final String LIST_QUERY = "/v2/user/list/query";
    static final String BUSINESS_OPEN = "/v2/user/busi/open";
    static final String BUSINESS_MODIFY = "/v2/user/busi/modify";
    static final String DETAIL_QUERY = "/v2/user/basicdata/query";
    static final String APPLY_QUERY = "/v2/user/apply/query";
    static final String SMS_SEND = "/v2/merchant/basicdata/sms/send";
    static final String MERCHANT_MODIFY = "/v2/merchant/basicdata/modify";
    static final String MERCHANT_STATUS_QUERY = "/v2/merchant/basicdata/status/query";
    static final String MERCHANT_DETAIL_QUERY = "/v2/merchant/basicdata/query";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountRequests() {
    }

    static Map<String, String> individual(String reqSeqId, String name, String certNo) {
        Map<String, String> data = dated(reqSeqId);
        data.put("name", name);
        data.put("cert_type", "00");
        data.put("cert_no", certNo);
        data.put("cert_validity_type", "1");
        data.put("cert_begin_date", "20200101");
        data.put("mobile_no", "13800000000");
        return data;
    }

    static Map<String, String> enterprise(String reqSeqId, String regName, String licenseCode, String legalName,
                                          String legalCertNo) {
        Map<String, String> data = dated(reqSeqId);
        data.put("reg_name", regName);
        data.put("license_code", licenseCode);
        data.put("license_validity_type", "1");
        data.put("legal_name", legalName);
        data.put("legal_cert_type", "00");
        data.put("legal_cert_no", legalCertNo);
        data.put("legal_cert_validity_type", "1");
        data.put("contact_name", legalName);
        data.put("contact_mobile", "13900000000");
        return data;
    }

    static Map<String, String> privateCard(String type, String cardNo, String cardName, String certNo) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("card_type", type);
        card.put("card_name", cardName);
        card.put("card_no", cardNo);
        card.put("prov_id", "310000");
        card.put("area_id", "310100");
        card.put("cert_type", "00");
        card.put("cert_no", certNo);
        card.put("cert_validity_type", "1");
        card.put("cert_begin_date", "20200101");
        return card;
    }

    static Map<String, String> corporateCard(String type, String cardNo, String cardName) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("card_type", type);
        card.put("card_name", cardName);
        card.put("card_no", cardNo);
        card.put("prov_id", "310000");
        card.put("area_id", "310100");
        card.put("branch_code", "102290000011");
        return card;
    }

    static Map<String, String> cash(String type, String fixAmt, String feeRate, String outFeeFlag) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cash_type", type);
        config.put("fix_amt", fixAmt);
        config.put("fee_rate", feeRate);
        config.put("out_fee_flag", outFeeFlag);
        return config;
    }

    static Map<String, String> businessOpen(String huifuId, String reqSeqId, String upperHuifuId,
                                            Map<String, String> card, List<Map<String, String>> cashConfig) {
        Map<String, String> data = dated(reqSeqId);
        data.put("huifu_id", huifuId);
        data.put("upper_huifu_id", upperHuifuId);
        if (card != null) {
            data.put("card_info", JSON.writeValueAsString(card));
        }
        if (!cashConfig.isEmpty()) {
            data.put("cash_config", JSON.writeValueAsString(cashConfig));
        }
        return data;
    }

    static Map<String, String> businessModify(String huifuId, String reqSeqId, Map<String, String> card,
                                              List<Map<String, String>> cashConfig) {
        Map<String, String> data = businessOpen(huifuId, reqSeqId, null, card, cashConfig);
        data.remove("upper_huifu_id");
        return data;
    }

    static Map<String, String> byUser(String huifuId, String reqSeqId) {
        Map<String, String> data = dated(reqSeqId);
        data.put("huifu_id", huifuId);
        return data;
    }

    static Map<String, String> applyQuery(String huifuId, String reqSeqId, String applyNo) {
        Map<String, String> data = byUser(huifuId, reqSeqId);
        data.put("apply_no", applyNo);
        return data;
    }

    static Map<String, String> smsSend(String huifuId, String reqSeqId) {
        Map<String, String> data = byUser(huifuId, reqSeqId);
        data.put("verify_type", "settleBankChange");
        return data;
    }

    static Map<String, String> merchantModify(String huifuId, String reqSeqId, Map<String, String> card,
                                              List<Map<String, String>> cashConfig) {
        return businessModify(huifuId, reqSeqId, card, cashConfig);
    }

    static Map<String, String> listQuery(String reqSeqId, String certNo) {
        Map<String, String> data = dated(reqSeqId);
        data.put("legal_cert_no", certNo);
        return data;
    }

    private static Map<String, String> dated(String reqSeqId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("req_seq_id", reqSeqId);
        data.put("req_date", today());
        return data;
    }
}
