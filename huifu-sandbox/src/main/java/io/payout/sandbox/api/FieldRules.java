package io.payout.sandbox.api;

import java.util.Map;
import java.util.Set;

/** Field checks shared by the Huifu paths; each returns Huifu's 10000000 description, or null when fine. */
final class FieldRules {

    private FieldRules() {
    }

    static String required(Map<String, String> data, String field, int maxLength) {
        String value = data.get(field);
        if (value == null || value.isEmpty()) {
            return field + "不能为空";
        }
        return optional(data, field, maxLength);
    }

    static String optional(Map<String, String> data, String field, int maxLength) {
        String value = data.get(field);
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            return field + "长度超限(最大" + maxLength + ")";
        }
        return null;
    }

    static String oneOf(Map<String, String> data, String field, Set<String> allowed) {
        String value = data.get(field);
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            return field + "取值错误:" + value;
        }
        return null;
    }

    static String firstProblem(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
