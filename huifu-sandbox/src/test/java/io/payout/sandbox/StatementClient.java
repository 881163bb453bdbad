package io.payout.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's side of the withdrawal statement: filequery, replay, the download, and reading the zip's CSVs. */
final class StatementClient {

    static final String FILE_QUERY = "/v2/trade/check/filequery";
    static final String REPLAY = "/v2/trade/check/replay";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A download: HTTP status and body. */
    record Download(int status, byte[] body) {
    }

    private final Merchant merchant;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StatementClient(SandboxFixture fixture) {
        this.merchant = fixture.merchant;
        this.baseUrl = fixture.sandbox.baseUrl();
    }

    static String fileDate(int daysFromToday) {
        return LocalDate.parse(Merchant.today(), DateTimeFormatter.BASIC_ISO_DATE).plusDays(daysFromToday)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    Merchant.Reply query(String huifuId, String fileDate) {
        return query(Map.of("huifu_id", huifuId, "file_date", fileDate, "bill_type", "WITHDRAWAL_BILL"));
    }

    Merchant.Reply query(Map<String, String> fields) {
        Map<String, String> data = new LinkedHashMap<>(fields);
        data.put("req_date", Merchant.today());
        data.put("req_seq_id", SandboxFixture.serial());
        return merchant.post(FILE_QUERY, data);
    }

    Merchant.Reply replay(String huifuId) {
        return merchant.post(REPLAY, Map.of("req_date", Merchant.today(), "req_seq_id", SandboxFixture.serial(),
                "huifu_id", huifuId, "file_type", "1"));
    }

    /** {@code file_details} or {@code task_details}: JSON strings in layer 1 of {@code data}. */
    static List<Map<String, String>> list(Merchant.Reply reply, String field) {
        return JSON.readValue(reply.field(field), new TypeReference<List<Map<String, String>>>() { });
    }

    static Map<String, String> onlyTask(Merchant.Reply reply) {
        List<Map<String, String>> tasks = list(reply, "task_details");
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task: " + tasks);
        }
        return tasks.get(0);
    }

    /** The download_url of the one file of a reply. */
    static String url(Merchant.Reply reply) {
        return list(reply, "file_details").get(0).get("download_url");
    }

    Download get(String url) {
        return getRaw(url);
    }

    /** A GET of {@code pathAndQuery} exactly as written (no re-encoding), on the sandbox. */
    Download getPath(String pathAndQuery) {
        return getRaw(baseUrl + pathAndQuery);
    }

    private Download getRaw(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each CSV of the zip, in order, as rows keyed by the header's column names. */
    static Map<String, List<Map<String, String>>> csvs(byte[] zip) {
        Map<String, List<Map<String, String>>> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n");
                String[] header = lines[0].split(",", -1);
                List<Map<String, String>> rows = new ArrayList<>();
                for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                    String[] values = line.split(",", -1);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], values[i]);
                    }
                    rows.add(row);
                }
                files.put(entry.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every row of every CSV, keyed by req_seq_id. */
    static Map<String, Map<String, String>> rowsBySerial(byte[] zip) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        csvs(zip).values().forEach(file -> file.forEach(row -> rows.put(row.get("req_seq_id"), row)));
        return rows;
    }
}
