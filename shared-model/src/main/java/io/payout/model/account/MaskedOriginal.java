package io.payout.model.account;

import io.payout.model.Masking;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account request quoted in a rejection (CONTRACT.md §6): card numbers, certificate numbers, names, phone numbers
 * and codes masked wherever they sit in the JSON; text that is not JSON has its long digit runs masked.
 */
public final class MaskedOriginal {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TAIL_FIELDS = Set.of("card_no", "cert_no", "legal_cert_no", "mobile_no",
            "contact_mobile", "mp", "authentication_person_mobile", "license_code");
    private static final Set<String> NAME_FIELDS = Set.of("name", "card_name", "legal_name", "contact_name");
    private static final Set<String> HIDDEN_FIELDS = Set.of("verify_code", "email", "contact_email", "address",
            "reg_detail");

    private MaskedOriginal() {
    }

    public static String of(byte[] value) {
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            JsonNode root = JSON.readTree(text);
            if (root != null && (root.isObject() || root.isArray())) {
                mask(root);
                return JSON.writeValueAsString(root);
            }
        } catch (JacksonException notJson) {
            // quoted as text below
        }
        return Masking.numbersIn(text);
    }

    private static void mask(JsonNode node) {
        if (node.isArray()) {
            node.forEach(MaskedOriginal::mask);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isString() || value.isNumber()) {
                String text = value.asString();
                if (TAIL_FIELDS.contains(name)) {
                    object.put(name, Masking.tail(text));
                } else if (NAME_FIELDS.contains(name)) {
                    object.put(name, Masking.name(text));
                } else if (HIDDEN_FIELDS.contains(name)) {
                    object.put(name, "***");
                } else if (value.isString()) {
                    object.put(name, Masking.numbersIn(text));
                }
            } else {
                mask(value);
            }
        }
    }
}
