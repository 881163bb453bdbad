package io.payout.reliability;

import io.payout.model.Topics;
import io.payout.model.huifu.CanonicalJson;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.RsaSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Utils;

/**
 * Notices signed with Huifu's own key, so authentic, that no withdrawal can use: the kind that once stalled a
 * partition of {@code huifu.notifications} (a consumer retried the one record it could not store, and every notice
 * behind it waited). Each kind is made once for every partition, its serial chosen so that its key hashes there.
 * The gateway must acknowledge every one (Huifu would otherwise send it again, three times, and give up): it sets
 * aside those whose fields the orchestrator could not store ({@code NoticeFields}: req_seq_id missing or over 128
 * characters, req_date not eight digits, huifu_id over 32 characters, a NUL anywhere, a control character in an
 * identifier) on {@code huifu.notifications.quarantine}, and publishes the rest, which name serials no withdrawal
 * has: the orchestrator keeps those as pending notices, to apply should the serial ever become known
 * (NotificationApplier; they never are). None of them may hold up a genuine notice.
 */
final class PoisonNotices {

    /** Where a poison notice must end up. */
    enum Fate {
        /** On the gateway's quarantine topic, then in the orchestrator's quarantined_records with the reason. */
        SET_ASIDE,
        /** On huifu.notifications, then in the orchestrator's pending_notifications (its serial is unknown). */
        KEPT
    }

    /** One notice: its kind, fate, the gateway's reason (SET_ASIDE), the partition its key hashes to, its form. */
    record Poison(String kind, Fate fate, String reason, int partition, String reqSeqId, String raw, String body) {
        String notificationId() {
            return HuifuNotifications.notificationId(raw);
        }
    }

    /** One poison notice as the gateway answered it. */
    record Answer(Poison poison, int status, String body) {
        boolean acknowledged() {
            String expected = HuifuNotifications.ackBody(poison.reqSeqId() == null ? "" : poison.reqSeqId());
            return status == 200 && expected.equals(body);
        }
    }

    private record Kind(String name, Fate fate, String reason, UnaryOperator<Map<String, String>> spoil) {
    }

    /** Every poison serial begins so: no serial the orchestrator assigns (32 hex digits), so never a known one. */
    static final String SERIAL_PREFIX = "poison-";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final int MAX_TRIES = 100_000;

    private PoisonNotices() {
    }

    /** Every kind once per partition of {@code partitions}, signed with Huifu's key, for account {@code huifuId}. */
    static List<Poison> make(PrivateKey huifuKey, String huifuId, int partitions) {
        List<Kind> kinds = List.of(
                new Kind("02 without huifu_id for a serial of no withdrawal", Fate.KEPT, null,
                        d -> without(d, "huifu_id")),
                new Kind("01 for a serial of no withdrawal", Fate.KEPT, null, d -> with(d, "msg_type", "01")),
                new Kind("req_seq_id of 128 characters, the most Huifu sends", Fate.KEPT, null,
                        d -> with(d, "req_seq_id", pad(d.get("req_seq_id"), 128))),
                new Kind("a control character in sub_resp_desc", Fate.KEPT, null,
                        d -> with(d, "sub_resp_desc", "处理\u0007成功")),
                new Kind("req_seq_id of 200 characters", Fate.SET_ASIDE, "req_seq_id is longer than 128 characters",
                        d -> with(d, "req_seq_id", pad(d.get("req_seq_id"), 200))),
                new Kind("a NUL in req_seq_id", Fate.SET_ASIDE, "req_seq_id contains a control character",
                        d -> with(d, "req_seq_id", d.get("req_seq_id") + "\u0000x")),
                new Kind("req_date 2026-1-1", Fate.SET_ASIDE, "req_date is not eight digits",
                        d -> with(d, "req_date", "2026-1-1")),
                new Kind("huifu_id of 40 characters", Fate.SET_ASIDE, "huifu_id is longer than 32 characters",
                        d -> with(d, "huifu_id", pad(huifuId, 40))),
                new Kind("no req_seq_id", Fate.SET_ASIDE, "req_seq_id is missing", d -> without(d, "req_seq_id")),
                new Kind("a NUL in sub_resp_desc", Fate.SET_ASIDE, "sub_resp_desc contains a control character",
                        d -> with(d, "sub_resp_desc", "处理\u0000成功")));
        // today in Beijing, as a real notice would carry (and the orchestrator's serials do)
        String reqDate = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
        List<Poison> out = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            for (int partition = 0; partition < partitions; partition++) {
                out.add(aimed(kinds.get(k), k, partition, partitions, huifuKey, huifuId, reqDate));
            }
        }
        return out;
    }

    /** The kind's notice with the first serial (hf_seq_id, for one keyed by its id) that lands on the partition. */
    private static Poison aimed(Kind kind, int k, int partition, int partitions, PrivateKey huifuKey, String huifuId,
                                String reqDate) {
        for (int n = 0; n < MAX_TRIES; n++) {
            String reqSeqId = SERIAL_PREFIX + k + "-" + n;
            Map<String, String> data = kind.spoil().apply(accounting(huifuId, reqDate, reqSeqId));
            String raw = CanonicalJson.of(data);
            // the gateway's key (NotificationPublisher): huifu_id:req_seq_id, or the notification id without a serial
            String key = data.get("req_seq_id") == null ? HuifuNotifications.notificationId(raw)
                    : Topics.notificationKey(data.getOrDefault("huifu_id", ""), data.get("req_seq_id"));
            if (partitionOf(key, partitions) == partition) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("resp_code", HuifuNotifications.GATEWAY_OK_CODE);
                form.put("resp_desc", HuifuNotifications.GATEWAY_OK_DESC);
                form.put("sign", RsaSignatures.sign(raw, huifuKey));
                form.put("resp_data", raw);
                return new Poison(kind.name(), kind.fate(), kind.reason(), partition, data.get("req_seq_id"), raw,
                        HuifuNotifications.formBody(form));
            }
        }
        throw new IllegalStateException("no serial of kind " + kind.name() + " hashes to partition " + partition);
    }

    /** The producer's default partitioner for a keyed record: murmur2 of the key's UTF-8 bytes. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A 02 accounting notice as the sandbox writes one (fields of PROTOCOL.md §4.2). */
    private static Map<String, String> accounting(String huifuId, String reqDate, String reqSeqId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_status", "S");
        data.put("cash_amt", "10.00");
        data.put("fee_amt", "0.10");
        data.put("hf_seq_id", "0029HF" + reqSeqId);
        data.put("huifu_id", huifuId);
        data.put("msg_type", "02");
        data.put("req_date", reqDate);
        data.put("req_seq_id", reqSeqId);
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        data.put("trans_status", "P");
        data.put("trans_type", "ENCHASHMENT");
        return data;
    }

    private static Map<String, String> with(Map<String, String> data, String field, String value) {
        data.put(field, value);
        return data;
    }

    private static Map<String, String> without(Map<String, String> data, String field) {
        data.remove(field);
        return data;
    }

    private static String pad(String text, int length) {
        return (text + "-" + "x".repeat(length)).substring(0, length);
    }

    /** Posts each to the gateway as Huifu would, keeping the status and the body it answered. */
    static List<Answer> post(String notifyUrl, List<Poison> poisons) {
        List<Answer> answers = new ArrayList<>(poisons.size());
        for (Poison p : poisons) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(p, answer.statusCode(), answer.body()));
            } catch (IOException e) {
                answers.add(new Answer(p, -1, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }
}
