package io.payout.orchestrator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the operations API over real HTTP, with the bearer token (or with the one given, or none). */
public final class OperationsClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public OperationsClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static OperationsClient anonymous(String baseUrl) {
        return new OperationsClient(baseUrl, null);
    }

    /** A status, a content type and a body, checked by the caller. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            return JSON.readTree(body);
        }

        /** An error answer in the operations API's one shape, RFC 9457 problem details. */
        public JsonNode problem(int expectedStatus) {
            JsonNode problem = json(expectedStatus);
            assertThat(contentType).as(body).startsWith("application/problem+json");
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            // no type member means about:blank (RFC 9457 section 3.1.1): the status says what happened
            assertThat(problem.path("type").asString("about:blank")).isEqualTo("about:blank");
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            return problem;
        }

        public String text(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            return body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
