package io.payout.gateway.callback;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields the orchestrator needs of a verified notice, checked against PROTOCOL.md before it is published: a
 * notice signed by Huifu is authentic evidence and is never turned away (Huifu gives up after three tries, so a 4xx
 * would lose it), but one the orchestrator could not use goes to the quarantine topic instead of the one it reads.
 */
final class NoticeFields {

    /** req_seq_id: at most 128 characters (PROTOCOL.md §3). */
    static final int MAX_REQ_SEQ_ID = 128;
    /** huifu_id: Huifu's 16-digit ids, with room to spare. */
    static final int MAX_HUIFU_ID = 32;
    private static final Pattern REQ_DATE = Pattern.compile("\\d{8}");

    private NoticeFields() {
    }

    /** Why the orchestrator could not use these fields, or null when it can. */
    static String problem(Map<String, String> fields) {
        String reqSeqId = fields.get("req_seq_id");
        if (reqSeqId == null || reqSeqId.isBlank()) {
            return "req_seq_id is missing";
        }
        if (reqSeqId.length() > MAX_REQ_SEQ_ID) {
            return "req_seq_id is longer than " + MAX_REQ_SEQ_ID + " characters";
        }
        String reqDate = fields.get("req_date");
        if (reqDate == null || !REQ_DATE.matcher(reqDate).matches()) {
            return "req_date is not eight digits";
        }
        String huifuId = fields.get("huifu_id");
        if (huifuId != null && huifuId.length() > MAX_HUIFU_ID) {
            return "huifu_id is longer than " + MAX_HUIFU_ID + " characters";
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            // a database cannot store a NUL in text, and a control character in an identifier is no identifier
            if (field.getValue().indexOf('\0') >= 0 || isIdentifier(field.getKey()) && hasControl(field.getValue())) {
                return field.getKey() + " contains a control character";
            }
        }
        return null;
    }

    private static boolean isIdentifier(String name) {
        return name.equals("req_seq_id") || name.equals("huifu_id") || name.equals("hf_seq_id");
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
