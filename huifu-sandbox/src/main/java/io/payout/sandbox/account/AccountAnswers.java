package io.payout.sandbox.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The shapes of the account paths' answers, in one place: codes, echoes and the nested JSON strings. */
final class AccountAnswers {

    static final String OK = "00000000";
    static final String INVALID = "10000000";
    static final String REFUSED = "90000000";
    static final String NOT_FOUND = "20000004";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountAnswers() {
    }

    static Map<String, String> answer(Map<String, String> request, String code, String desc) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("resp_code", code);
        out.put("resp_desc", desc);
        if (request.get("req_seq_id") != null) {
            out.put("req_seq_id", request.get("req_seq_id"));
        }
        if (request.get("req_date") != null) {
            out.put("req_date", request.get("req_date"));
        }
        if (request.get("huifu_id") != null) {
            out.put("huifu_id", request.get("huifu_id"));
        }
        return out;
    }

    /** A nested object or list as Huifu sends it: a JSON string. */
    static String jsonText(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, String> businessItem(String type, String code, String msg) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("code", code);
        item.put("msg", msg);
        return item;
    }

    static List<Map<String, String>> objects(String text, String field) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            if (text.trim().startsWith("{")) {
                return List.of(toStrings(JSON.readValue(text, Map.class)));
            }
            List<?> list = JSON.readValue(text, List.class);
            return list.stream().map(item -> toStrings((Map<?, ?>) item)).toList();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + "格式错误");
        }
    }

    private static Map<String, String> toStrings(Map<?, ?> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> out.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        return out;
    }
}
