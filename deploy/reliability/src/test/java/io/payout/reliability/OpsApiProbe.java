package io.payout.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Calls every operations endpoint of an orchestrator without the token, in every way a caller might try to get by
 * without it (no header, a wrong token, an empty bearer, the token as a Basic password, the token in the query
 * string), and once with it (so a probe that could never see anything but 401 would be noticed).
 */
final class OpsApiProbe {

    /** One call and its answer. */
    record Call(String instance, String method, String path, String credential, int status) {
        @Override
        public String toString() {
            return instance + " " + method + " " + path + " [" + credential + "] -> " + status;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OpsApiProbe() {
    }

    /** Every endpoint × every way without the token. */
    static List<Call> withoutToken(String instance, String baseUrl, String token, String withdrawalId) {
        String date = "20261125";
        String[][] endpoints = {
                {"GET", "/api/withdrawals/" + withdrawalId},
                {"GET", "/api/withdrawals/no-such-withdrawal"},
                {"GET", "/api/withdrawals?status=SUCCEEDED"},
                {"GET", "/api/withdrawals?attention=true&limit=5"},
                {"POST", "/api/withdrawals/" + withdrawalId + "/reconcile"},
                {"POST", "/api/withdrawals/" + withdrawalId + "/resolve"},
                {"POST", "/api/reconciliation/" + date},
                {"GET", "/api/reconciliation/" + date},
                {"GET", "/api/reconciliation/" + date + ".csv"},
                {"GET", "/api"},
                {"DELETE", "/api/withdrawals/" + withdrawalId}};
        String[][] credentials = {
                {"none", null},
                {"wrong token", "Bearer " + token + "x"},
                {"empty bearer", "Bearer "},
                {"token as Basic password", "Basic " + Base64.getEncoder().encodeToString(("operator:" + token)
                        .getBytes(StandardCharsets.UTF_8))},
                {"token in the query", null}};
        List<Call> calls = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String[] credential : credentials) {
                String path = endpoint[1];
                if (credential[0].equals("token in the query")) {
                    path += (path.contains("?") ? "&" : "?") + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                            + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                }
                calls.add(new Call(instance, endpoint[0], path, credential[0],
                        status(baseUrl, endpoint[0], path, credential[1])));
            }
        }
        return calls;
    }

    /** The positive control: the same API answers 200 with the token. */
    static Call withToken(String instance, String baseUrl, String token, String withdrawalId) {
        String path = "/api/withdrawals/" + withdrawalId;
        return new Call(instance, "GET", path, "the token", status(baseUrl, "GET", path, "Bearer " + token));
    }

    private static int status(String baseUrl, String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{\"status\":\"FAILED\",\"actor\":\"mallory\",\"reason\":\"x\"}")
                        : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
