package io.payout.reliability;

import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.RsaSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications no one should act on, posted to the gateway as Huifu would post a real one: replays of genuine
 * notices (taken from the notifications topic, so signed by Huifu's key and already applied), genuine notices with
 * {@code resp_data} tampered after signing, notices signed with the wrong key (the merchant's own, or a stranger's),
 * and forgeries (no signature, a signature that is not Base64, random bytes, another notice's signature).
 */
final class ForgedNotices {

    /** One post: which kind, whether it is an exact replay of a genuine notice, the form body, and the answer. */
    record Post(String kind, boolean replay, String body, int status) {
        Post answered(int httpStatus) {
            return new Post(kind, replay, body, httpStatus);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final Random random;
    private final PrivateKey merchantKey;
    private final PrivateKey strangerKey;

    ForgedNotices(long seed, KeyPair merchant) {
        this.random = new Random(seed);
        this.merchantKey = merchant.getPrivate();
        this.strangerKey = HuifuKeys.generate().getPrivate();
    }

    /** {@code count} posts, a quarter of each family, built from the genuine notices on the topic. */
    List<Post> make(List<ConsumerRecord<String, String>> genuine, int count) {
        if (genuine.isEmpty()) {
            throw new IllegalStateException("no genuine notice to replay or tamper with");
        }
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode notice = JSON.readTree(genuine.get(random.nextInt(genuine.size())).value());
            String raw = notice.get("raw").asString();
            String sign = notice.get("sign").asString();
            posts.add(switch (i % 4) {
                case 0 -> new Post("replay", true, form(raw, sign), 0);
                case 1 -> new Post("tampered", false, form(tamper(raw, i), sign), 0);
                case 2 -> misSigned(raw, i);
                default -> forged(raw, i, genuine);
            });
        }
        return posts;
    }

    /** Changes what matters to money, after the signature was made. */
    private String tamper(String raw, int i) {
        String[][] edits = {{"\"trans_status\":\"F\"", "\"trans_status\":\"S\""},
                {"\"trans_status\":\"S\"", "\"trans_status\":\"F\""}, {"\"acct_status\":\"S\"", "\"acct_status\":\"B\""},
                {"\"acct_status\":\"B\"", "\"acct_status\":\"S\""}};
        for (int k = 0; k < edits.length; k++) {
            String[] edit = edits[(i + k) % edits.length];
            if (raw.contains(edit[0])) {
                return raw.replace(edit[0], edit[1]);
            }
        }
        // no status to flip: change the amount by one fen's worth of text
        return raw.replaceFirst("\"cash_amt\":\"", "\"cash_amt\":\"1");
    }

    private Post misSigned(String raw, int i) {
        String claim = tamper(raw, i);
        return (i / 4) % 2 == 0
                ? new Post("signed with the merchant's key", false, form(claim, RsaSignatures.sign(claim, merchantKey)), 0)
                : new Post("signed with a stranger's key", false, form(claim, RsaSignatures.sign(claim, strangerKey)), 0);
    }

    private Post forged(String raw, int i, List<ConsumerRecord<String, String>> genuine) {
        return switch ((i / 4) % 5) {
            case 0 -> new Post("unsigned", false, formWithout(raw), 0);
            case 1 -> new Post("sign not Base64", false, form(raw, "not*base64!" + i), 0);
            case 2 -> {
                byte[] bytes = new byte[256];
                random.nextBytes(bytes);
                yield new Post("random signature", false, form(tamper(raw, i), Base64.getEncoder().encodeToString(bytes)), 0);
            }
            case 3 -> {
                String other = JSON.readTree(genuine.get(random.nextInt(genuine.size())).value()).get("sign").asString();
                yield new Post("another notice's signature", false, form(tamper(raw, i), other), 0);
            }
            default -> new Post("signature over other bytes", false,
                    form(tamper(raw, i), RsaSignatures.sign(raw, strangerKey)), 0);
        };
    }

    private static String form(String respData, String sign) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", HuifuNotifications.GATEWAY_OK_CODE);
        form.put("resp_desc", HuifuNotifications.GATEWAY_OK_DESC);
        form.put("sign", sign);
        form.put("resp_data", respData);
        return HuifuNotifications.formBody(form);
    }

    private static String formWithout(String respData) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", HuifuNotifications.GATEWAY_OK_CODE);
        form.put("resp_desc", HuifuNotifications.GATEWAY_OK_DESC);
        form.put("resp_data", respData);
        return HuifuNotifications.formBody(form);
    }

    /** Posts each one to the gateway's notify URL and records the HTTP status. */
    static List<Post> post(String notifyUrl, List<Post> posts) {
        List<Post> answered = new ArrayList<>(posts.size());
        for (Post p : posts) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8))
                    .build();
            try {
                answered.add(p.answered(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            } catch (IOException e) {
                answered.add(p.answered(-1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return answered;
    }
}
