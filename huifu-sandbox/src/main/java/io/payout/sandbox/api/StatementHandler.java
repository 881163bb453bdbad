package io.payout.sandbox.api;

import static io.payout.sandbox.api.FieldRules.firstProblem;
import static io.payout.sandbox.api.FieldRules.oneOf;
import static io.payout.sandbox.api.FieldRules.optional;
import static io.payout.sandbox.api.FieldRules.required;

import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.statement.DownloadLinks;
import io.payout.sandbox.statement.StatementSettings;
import io.payout.sandbox.statement.StatementTask;
import io.payout.sandbox.statement.Statements;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 交易结算对账单查询 {@code v2/trade/check/filequery} and 重新生成 {@code v2/trade/check/replay} (ACCOUNTS.md A8), for
 * the one bill the sandbox has: the withdrawal statement. Nested lists travel as JSON strings (§1), like every layer-1
 * structure.
 */
final class StatementHandler {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(io.payout.sandbox.lifecycle.SettlementClock.BEIJING);
    private static final Set<String> BILL_TYPES = Set.of("TRADE_BILL", "SPLIT_BILL", StatementTask.BILL_TYPE,
            "SETTLE_BILL", "TRADE_BILL_MONTH", "SETTLE_BILL_MONTH", "SETTLE_USER_BILL", "SETTLE_BILL_USER_MONTH",
            "SETTLE_FUND_BILL", "MERGE_BILL");
    /** The older file_type_query / replay file_type: 1 is the daily statements, which include 出金. */
    private static final Set<String> FILE_TYPES = Set.of("1", "2", "3", "4", "13");
    private static final String DAILY_STATEMENTS = "1";

    private final Statements statements;
    private final Ledger ledger;
    private final DownloadLinks links;
    private final StatementSettings settings;

    StatementHandler(Statements statements, Ledger ledger, DownloadLinks links, StatementSettings settings) {
        this.statements = statements;
        this.ledger = ledger;
        this.links = links;
        this.settings = settings;
    }

    Map<String, Object> fileQuery(Map<String, String> data, String requestBaseUrl) {
        String problem = firstProblem(common(data), required(data, "file_date", 8), date(data, "file_date"),
                optional(data, "bill_type", 128), oneOf(data, "bill_type", BILL_TYPES),
                oneOf(data, "file_type_query", FILE_TYPES));
        if (problem != null) {
            return echo(data, "10000000", problem);
        }
        if (ledger.account(data.get("huifu_id")).isEmpty()) {
            return echo(data, "22000002", "商户信息不存在");
        }
        Map<String, Object> out = echo(data, "00000000", "查询成功");
        // check_order_type and send_type (2022 demos) carry no choice the sandbox can make: any value is accepted.
        boolean withdrawals = isAbsentOr(data.get("bill_type"), StatementTask.BILL_TYPE)
                && isAbsentOr(data.get("file_type_query"), DAILY_STATEMENTS);
        if (!withdrawals) {
            out.put("file_details", List.of()); // the sandbox has no trades or settlements: nothing to list
            out.put("task_details", List.of());
            return out;
        }
        LocalDate tradeDate = LocalDate.parse(data.get("file_date"), DATE).minusDays(1);
        StatementTask task = statements.task(data.get("huifu_id"), tradeDate);
        String url = task.hasFile() ? links.url(settings.linkBase(requestBaseUrl), task.fileId()) : null;
        out.put("file_details", task.hasFile() ? List.of(fileDetail(task, url)) : List.of());
        out.put("task_details", List.of(taskDetail(task, url)));
        return out;
    }

    /** Without {@code file_date} (a sandbox extension [I]: Huifu's request names no date) every failed task. */
    Map<String, Object> replay(Map<String, String> data) {
        String problem = firstProblem(common(data), optional(data, "file_type", 32), optional(data, "file_date", 8),
                date(data, "file_date"));
        if (problem != null) {
            return echo(data, "10000000", problem);
        }
        String huifuId = data.get("huifu_id");
        if (ledger.account(huifuId).isEmpty()) {
            return echo(data, "22000002", "商户信息不存在");
        }
        String fileType = data.get("file_type");
        if (isAbsentOr(fileType, DAILY_STATEMENTS) || StatementTask.BILL_TYPE.equals(fileType)) {
            String fileDate = data.get("file_date");
            statements.replay(huifuId, empty(fileDate) ? null : LocalDate.parse(fileDate, DATE).minusDays(1));
        }
        return echo(data, "00000000", "受理成功");
    }

    private static String common(Map<String, String> data) {
        return firstProblem(required(data, "req_date", 8), date(data, "req_date"), required(data, "req_seq_id", 128),
                required(data, "huifu_id", 32));
    }

    private static Map<String, String> fileDetail(StatementTask task, String url) {
        Map<String, String> file = new LinkedHashMap<>();
        file.put("huifu_id", task.huifuId());
        file.put("file_date", task.fileDate());
        file.put("file_name", task.fileName());
        file.put("bill_type", StatementTask.BILL_TYPE);
        file.put("download_url", url);
        file.put("file_id", task.fileId());
        return file;
    }

    private static Map<String, String> taskDetail(StatementTask task, String url) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("huifu_id", task.huifuId());
        detail.put("bill_type", StatementTask.BILL_TYPE);
        if (task.hasFile()) {
            detail.put("file_id", task.fileId());
            detail.put("file_name", task.fileName());
            detail.put("download_url", url);
        }
        detail.put("data_date", task.dataDate());
        detail.put("task_stat", task.stat());
        if (task.generatedAt() != null) {
            // The sandbox generates a file at once: it starts and ends at the same moment.
            detail.put("task_start_time", TIME.format(task.generatedAt()));
            detail.put("task_end_time", TIME.format(task.generatedAt()));
        }
        return detail;
    }

    private static Map<String, Object> echo(Map<String, String> data, String code, String desc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("req_date", data.get("req_date"));
        out.put("req_seq_id", data.get("req_seq_id"));
        out.put("resp_code", code);
        out.put("resp_desc", desc);
        return out;
    }

    private static String date(Map<String, String> data, String field) {
        String value = data.get(field);
        if (empty(value)) {
            return null;
        }
        try {
            LocalDate.parse(value, DATE);
            return null;
        } catch (DateTimeParseException e) {
            return field + "格式错误(yyyyMMdd)";
        }
    }

    private static boolean isAbsentOr(String value, String expected) {
        return empty(value) || expected.equals(value);
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
