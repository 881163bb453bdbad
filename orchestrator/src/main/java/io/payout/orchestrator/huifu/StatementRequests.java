package io.payout.orchestrator.huifu;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement query and its replay (ACCOUNTS.md A8): the request fields, and the reading of the answer. Pure but
 * for the clock that dates the request. {@code file_details} and {@code task_details} arrive as JSON arrays inside
 * {@code data} (or, in older generations, as strings holding them): both read the same.
 */
final class StatementRequests {

    /** 出金对账单: the withdrawal statement. */
    static final String WITHDRAWAL_BILL = "WITHDRAWAL_BILL";
    /** The older {@code file_type} of replay: 1 is the daily statements, which include 出金. */
    static final String DAILY_STATEMENTS = "1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private final Clock clock;

    StatementRequests(Clock clock) {
        this.clock = clock;
    }

    Map<String, Object> fileQuery(String huifuId, String fileDate) {
        Map<String, Object> data = dated(huifuId);
        data.put("file_date", fileDate);
        data.put("bill_type", WITHDRAWAL_BILL);
        return data;
    }

    Map<String, Object> replay(String huifuId, String fileDate) {
        Map<String, Object> data = dated(huifuId);
        data.put("file_type", DAILY_STATEMENTS);
        data.put("file_date", fileDate);
        return data;
    }

    /** req_date is Beijing's today (Huifu refuses another day); the serial only has to be unique for the day. */
    private Map<String, Object> dated(String huifuId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", LocalDate.now(clock.withZone(BEIJING)).format(YYYYMMDD));
        data.put("req_seq_id", UUID.randomUUID().toString().replace("-", ""));
        data.put("huifu_id", huifuId);
        return data;
    }

    static StatementListing listing(Exchange exchange) {
        String transport = HuifuAnswers.transportProblem(exchange);
        if (transport != null) {
            return new StatementListing.Unknown(transport, exchange.field("resp_code"),
                    HuifuAnswers.isRateLimited(exchange));
        }
        String code = exchange.field("resp_code");
        if (HuifuAnswers.OK.equals(code)) {
            try {
                return new StatementListing.Listed(files(exchange.field("file_details")),
                        tasks(exchange.field("task_details")));
            } catch (JacksonException | ClassCastException e) {
                return new StatementListing.Unknown("file_details or task_details unreadable", code, false);
            }
        }
        // Our request or the account is wrong: the same query will be refused again.
        if (HuifuAnswers.INVALID_PARAMETER.equals(code) || HuifuAnswers.UNKNOWN_ACCOUNT.equals(code)) {
            return new StatementListing.Refused(code, exchange.field("resp_desc"));
        }
        return new StatementListing.Unknown("resp_code " + code, code,
                HuifuAnswers.TOO_FREQUENT.equals(code));
    }

    /** Whether Huifu accepted the replay (it regenerates asynchronously; a later query tells the task's state). */
    static boolean replayed(Exchange exchange) {
        return HuifuAnswers.transportProblem(exchange) == null && HuifuAnswers.OK.equals(exchange.field("resp_code"));
    }

    private static List<StatementListing.StatementFile> files(String json) {
        List<StatementListing.StatementFile> files = new ArrayList<>();
        for (Map<String, Object> f : list(json)) {
            // examples spell it file_Name, 2023 structs call bill_type file_type (ACCOUNTS.md A8)
            files.add(new StatementListing.StatementFile(text(f, "huifu_id"), text(f, "file_date"),
                    first(text(f, "file_name"), text(f, "file_Name")), first(text(f, "bill_type"),
                    text(f, "file_type")), text(f, "download_url")));
        }
        return files;
    }

    private static List<StatementListing.StatementTask> tasks(String json) {
        List<StatementListing.StatementTask> tasks = new ArrayList<>();
        for (Map<String, Object> t : list(json)) {
            tasks.add(new StatementListing.StatementTask(text(t, "huifu_id"), first(text(t, "bill_type"),
                    text(t, "file_type")), text(t, "data_date"), text(t, "task_stat"), text(t, "file_name"),
                    text(t, "download_url")));
        }
        return tasks;
    }

    private static List<Map<String, Object>> list(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        String array = json.strip();
        if (array.startsWith("\"")) {
            // a JSON string holding the array
            array = JSON.readValue(array, String.class);
        }
        return JSON.readValue(array, LIST);
    }

    private static String text(Map<String, Object> map, String name) {
        Object value = map.get(name);
        return value == null ? null : value.toString();
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}
