package io.payout.orchestrator.console;

import io.payout.model.AccountKind;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The withdrawals page's question: one id of any kind (withdrawal id, a serial, Huifu's hf_seq_id, the huifu_id),
 * filters, a sort among known columns and a page. Unknown values are dropped, never passed to SQL.
 */
public record WithdrawalSearch(String id, WithdrawalStatus status, IntoAcctDateType cashType, AccountKind accountKind,
                        Boolean attention, LocalDate from, LocalDate to, String sort, boolean ascending, int page) {

    static final int PAGE_SIZE = 50;
    /** The sortable columns, by the name the page uses. */
    static final Map<String, String> SORTS = Map.of("created", "created_at", "updated", "updated_at",
            "amount", "cash_amt", "status", "status", "id", "withdrawal_id");

    static WithdrawalSearch of(Map<String, String> params) {
        String sort = params.getOrDefault("sort", "created");
        return new WithdrawalSearch(blankToNull(params.get("id")),
                parse(WithdrawalStatus.class, params.get("status")),
                parse(IntoAcctDateType.class, params.get("cashType")),
                parse(AccountKind.class, params.get("accountKind")),
                params.get("attention") == null || params.get("attention").isBlank() ? null
                        : Boolean.valueOf(params.get("attention")),
                date(params.get("from")), date(params.get("to")),
                SORTS.containsKey(sort) ? sort : "created", "asc".equals(params.get("dir")),
                Math.max(0, integer(params.get("page"))));
    }

    String column() {
        return SORTS.get(sort);
    }

    /** The same question on another page, or sorted otherwise: for the page's links. */
    public String link(String path, int toPage, String bySort, boolean asc) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        put(uri, "id", id);
        put(uri, "status", status);
        put(uri, "cashType", cashType);
        put(uri, "accountKind", accountKind);
        put(uri, "attention", attention);
        put(uri, "from", from);
        put(uri, "to", to);
        uri.queryParam("sort", bySort).queryParam("dir", asc ? "asc" : "desc");
        if (toPage > 0) {
            uri.queryParam("page", toPage);
        }
        return uri.encode().build().toUriString();
    }

    public String page(int toPage) {
        return link("/console/withdrawals", toPage, sort, ascending);
    }

    /** Sorting by a column: the other direction when the page is already sorted by it. */
    public String sortedBy(String column) {
        return link("/console/withdrawals", 0, column, column.equals(sort) && !ascending);
    }

    public String csv() {
        return link("/console/withdrawals.csv", page, sort, ascending);
    }

    private static void put(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int integer(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
