package io.payout.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.HuifuSignatureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A merchant's notify endpoint: a real HTTP server on a random port that records every notification, verifies it
 * with the sandbox's public key, and acknowledges as told (correctly, with a wrong body, or with HTTP 500).
 */
final class NotificationReceiver implements AutoCloseable {

    enum Answer { ACK, WRONG_BODY, HTTP_500 }

    /** One notification received; {@code fields} is null when the signature did not verify. */
    record Received(String contentType, Map<String, String> form, Map<String, String> fields) {
        boolean verified() {
            return fields != null;
        }

        String field(String name) {
            return fields == null ? null : fields.get(name);
        }
    }

    private final HttpServer server;
    private final PublicKey huifuKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = Answer.ACK;

    NotificationReceiver(String huifuPublicKey) {
        this.huifuKey = HuifuKeys.publicKey(huifuPublicKey);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = parse(body);
            Map<String, String> fields;
            try {
                fields = HuifuNotifications.verify(signedText(form), form.get("sign"), huifuKey);
            } catch (HuifuSignatureException e) {
                fields = null;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), form, fields));
            Answer now = answer;
            String reqSeqId = fields == null ? "" : fields.get("req_seq_id");
            byte[] reply = (now == Answer.WRONG_BODY ? "{\"ok\":true}" : HuifuNotifications.ackBody(reqSeqId))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now == Answer.HTTP_500 ? 500 : 200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    void answer(Answer next) {
        this.answer = next;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String reqSeqId) {
        return received.stream().filter(r -> reqSeqId.equals(reqSeqIdOf(r))).toList();
    }

    /** Read from the raw text, so that wrongly signed notices are found too. */
    private static String reqSeqIdOf(Received r) {
        String raw = signedText(r.form());
        if (raw == null) {
            return null;
        }
        int at = raw.indexOf("\"req_seq_id\":\"");
        return at < 0 ? null : raw.substring(at + 14, raw.indexOf('"', at + 14));
    }

    /** {@code resp_data} of a trade notice, {@code data} of an account audit notice. */
    private static String signedText(Map<String, String> form) {
        return form.containsKey(HuifuNotifications.TRADE_DATA_FIELD) ? form.get(HuifuNotifications.TRADE_DATA_FIELD)
                : form.get(HuifuNotifications.ACCOUNT_DATA_FIELD);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
