package io.payout.model.account;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The person or enterprise a user account is opened for (ACCOUNTS.md A2), as Huifu's field names and values: the
 * orchestrator passes them to {@code v2/user/basicdata/indv|ent} as they are, after {@code AccountRequestParser}
 * has checked them. Names, certificate numbers and phone numbers are masked by {@link #toString()}.
 */
public record AccountHolder(HolderKind kind, Map<String, String> fields) {

    /** The fields that identify a person: kept encrypted while an application is open, never published or logged. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("name", "cert_no", "mobile_no", "legal_name",
            "legal_cert_no", "contact_name", "contact_mobile", "email", "contact_email", "address");

    public AccountHolder {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }

    /** The certificate number Huifu can find the person by ({@code v2/user/list/query}). */
    public String certNo() {
        return kind == HolderKind.INDIVIDUAL ? fields.get("cert_no") : fields.get("legal_cert_no");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        fields.forEach((name, value) -> shown.put(name, PERSONAL_FIELDS.contains(name) ? "***" : value));
        return "AccountHolder[kind=" + kind + ", fields=" + shown + "]";
    }
}
