package io.payout.testkit;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code account.requests} records (CONTRACT.md §6) as an upstream service would publish them, for tests, the demo
 * and the reliability suite: openings of individuals and of enterprises, and card bindings. Each cash type listed is
 * switched on with a fixed fee of 1.00.
 */
public final class AccountRequestJson {

    private AccountRequestJson() {
    }

    /** An individual with a private card of its own (card_type 1), checked by Huifu against name and certificate. */
    public static String openIndividual(String id, String name, String certNo, String cardNo, String... cashTypes) {
        return """
                {"account_request_id":"%s","action":"OPEN_USER","account_kind":"USER",
                 "user":{"kind":"INDIVIDUAL","name":"%s","cert_no":"%s","cert_validity_type":"1",
                         "cert_begin_date":"20200101","mobile_no":"13800138000"},
                 "card":%s,
                 "cash_config":%s}"""
                .formatted(id, name, certNo, privateCard(name, certNo, cardNo, null), cashConfig(cashTypes));
    }

    /** An enterprise paid out to a corporate card of another name (card_type 4): Huifu reviews it. */
    public static String openEnterprise(String id, String legalName, String certNo, String cardNo,
                                        String... cashTypes) {
        return """
                {"account_request_id":"%s","action":"OPEN_USER","account_kind":"USER",
                 "user":{"kind":"ENTERPRISE","reg_name":"上海%s贸易有限公司","license_code":"91310000%s",
                         "license_validity_type":"1","license_begin_date":"20200101","reg_prov_id":"310000",
                         "reg_area_id":"310100","reg_district_id":"310104","reg_detail":"某路1号",
                         "legal_name":"%s","legal_cert_no":"%s","legal_cert_validity_type":"1",
                         "legal_cert_begin_date":"20200101","contact_name":"%s","contact_mobile":"13900139000"},
                 "card":{"card_type":"4","card_name":"上海另一家有限公司","card_no":"%s","prov_id":"310000",
                         "area_id":"310100"},
                 "cash_config":%s}"""
                .formatted(id, legalName, certNo.substring(certNo.length() - 10), legalName, certNo, legalName,
                        cardNo, cashConfig(cashTypes));
    }

    /** Another private card of the user's own, not its default. */
    public static String bindCard(String id, String huifuId, String name, String certNo, String cardNo) {
        return """
                {"account_request_id":"%s","action":"BIND_CARD","account_kind":"USER","huifu_id":"%s",
                 "card":%s}""".formatted(id, huifuId, privateCard(name, certNo, cardNo, "N"));
    }

    private static String privateCard(String name, String certNo, String cardNo, String settleDefault) {
        return """
                {"card_type":"1","card_name":"%s","card_no":"%s","prov_id":"310000","area_id":"310100",
                  "cert_type":"00","cert_no":"%s","cert_validity_type":"1","cert_begin_date":"20200101"%s}"""
                .formatted(name, cardNo, certNo,
                        settleDefault == null ? "" : ",\"is_settle_default\":\"" + settleDefault + "\"");
    }

    private static String cashConfig(String... cashTypes) {
        return Arrays.stream(cashTypes).map(type -> "{\"cash_type\":\"" + type + "\",\"fix_amt\":\"1.00\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
