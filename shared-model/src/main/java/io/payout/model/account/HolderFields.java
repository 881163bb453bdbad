package io.payout.model.account;

import io.payout.model.RecordFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request's {@code user} object (ACCOUNTS.md A2): {@code kind} and the fields of Huifu's individual or
 * enterprise account opening. Only the fields Huifu's forms name are kept, so nothing unchecked is passed on.
 */
final class HolderFields {

    private static final List<String> INDIVIDUAL_REQUIRED = List.of("name", "cert_no");
    private static final List<String> INDIVIDUAL_OPTIONAL = List.of("email", "login_name", "address",
            "cert_nationality", "mcc", "prov_id", "area_id", "district_id", "expand_id", "sms_send_flag");
    private static final List<String> ENTERPRISE_REQUIRED = List.of("reg_name", "license_code", "reg_prov_id",
            "reg_area_id", "reg_district_id", "reg_detail", "legal_name", "legal_cert_no", "contact_name");
    private static final List<String> ENTERPRISE_OPTIONAL = List.of("short_name", "contact_email", "login_name",
            "ent_type", "mcc", "sms_send_flag");
    /** Huifu's text fields are at most 128 characters in these forms, 256 for addresses. */
    private static final int MAX_TEXT = 256;

    private HolderFields() {
    }

    static AccountHolder read(RecordFields parent, String field) {
        JsonNode node = parent.node(field);
        if (node == null || node.isNull()) {
            parent.error(field, parent.name(field) + " is required");
            return null;
        }
        if (!node.isObject()) {
            parent.error(field, parent.name(field) + " must be an object");
            return null;
        }
        RecordFields fields = parent.nested(field, node);
        HolderKind kind = fields.enumValue("kind", HolderKind.class);
        if (kind == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        if (kind == HolderKind.INDIVIDUAL) {
            copy(fields, values, INDIVIDUAL_REQUIRED, true);
            copy(fields, values, INDIVIDUAL_OPTIONAL, false);
            values.put("cert_type", orDefault(fields.text("cert_type", false, 2), "00"));
            put(values, "cert_validity_type", FieldRules.validity(fields, "cert_validity_type", true));
            put(values, "cert_begin_date", FieldRules.date(fields, "cert_begin_date", true));
            put(values, "cert_end_date", FieldRules.date(fields, "cert_end_date",
                    "0".equals(values.get("cert_validity_type"))));
            put(values, "mobile_no", fields.matching("mobile_no", true, FieldRules.MOBILE, "11 digits"));
        } else {
            copy(fields, values, ENTERPRISE_REQUIRED, true);
            copy(fields, values, ENTERPRISE_OPTIONAL, false);
            values.put("legal_cert_type", orDefault(fields.text("legal_cert_type", false, 2), "00"));
            for (String prefix : List.of("license", "legal_cert")) {
                String validity = FieldRules.validity(fields, prefix + "_validity_type", true);
                put(values, prefix + "_validity_type", validity);
                put(values, prefix + "_begin_date", FieldRules.date(fields, prefix + "_begin_date", true));
                put(values, prefix + "_end_date", FieldRules.date(fields, prefix + "_end_date", "0".equals(validity)));
            }
            put(values, "contact_mobile", fields.matching("contact_mobile", true, FieldRules.MOBILE, "11 digits"));
        }
        return new AccountHolder(kind, values);
    }

    private static void copy(RecordFields fields, Map<String, String> values, List<String> names, boolean required) {
        for (String name : names) {
            put(values, name, fields.text(name, required, MAX_TEXT));
        }
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
