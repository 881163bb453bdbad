package io.payout.orchestrator.huifu;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.payout.model.Amount;
import io.payout.model.huifu.HuifuEnvelope;
import io.payout.model.huifu.HuifuSignatureException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Huifu over HTTP (PROTOCOL.md §1–§3, §5): signs each request, verifies each answer, and classifies it with
 * {@link HuifuAnswers}. Never throws for Huifu's answers or transport failures, so a caller can never mistake an
 * exception for a refusal. Concurrency is bounded so a slow Huifu cannot pile up threads and connections.
 */
public final class HuifuHttpClient implements Huifu {

    static final String SUBMIT_PATH = "/v2/trade/settlement/encashment";
    static final String QUERY_PATH = "/v2/trade/settlement/query";
    static final String FILE_QUERY_PATH = "/v2/trade/check/filequery";
    static final String REPLAY_PATH = "/v2/trade/check/replay";
    static final String DM_QUOTA_PATH = "/v2/trade/settlement/enchashment/dmamt/query";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final Logger log = LoggerFactory.getLogger(HuifuHttpClient.class);
    private static final String TRACEPARENT = "traceparent";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};

    private final HttpClient http;
    private final Duration readTimeout;
    private final String sysId;
    private final String productId;
    private final String notifyUrl;
    private final PrivateKey merchantKey;
    private final PublicKey huifuKey;
    private final Semaphore permits;
    private final Duration permitTimeout;
    private final MeterRegistry meters;
    /** The traceparent of the span the call runs in, sent on so that Huifu's side of the call joins the trace. */
    private final Supplier<String> currentTraceParent;
    private final Map<String, Timer> latency = new HashMap<>();
    // Absolute, built once from orchestrator.huifu.base-url.
    private final URI submitUri;
    private final URI queryUri;
    private final URI fileQueryUri;
    private final URI replayUri;
    private final URI dmQuotaUri;
    private final Clock clock;
    private final StatementRequests statements;
    private final Map<AccountOperation, URI> accountUris = new EnumMap<>(AccountOperation.class);

    HuifuHttpClient(HttpClient http, HuifuProperties properties, PrivateKey merchantKey, PublicKey huifuKey,
                    MeterRegistry meters, Clock clock, Supplier<String> currentTraceParent) {
        this.meters = meters;
        this.currentTraceParent = currentTraceParent;
        this.statements = new StatementRequests(clock);
        this.clock = clock;
        this.http = http;
        this.readTimeout = properties.readTimeout();
        this.sysId = properties.sysId();
        this.productId = properties.productId();
        this.notifyUrl = properties.notifyUrl();
        this.merchantKey = merchantKey;
        this.huifuKey = huifuKey;
        this.permits = new Semaphore(properties.maxConcurrency(), true);
        this.permitTimeout = properties.permitTimeout();
        this.submitUri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(SUBMIT_PATH).build().toUri();
        this.queryUri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(QUERY_PATH).build().toUri();
        this.fileQueryUri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(FILE_QUERY_PATH).build().toUri();
        this.replayUri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(REPLAY_PATH).build().toUri();
        this.dmQuotaUri = UriComponentsBuilder.fromUri(properties.baseUrl()).path(DM_QUOTA_PATH).build().toUri();
        List<String> operations = new ArrayList<>(List.of("submit", "query", "filequery", "replay", "dmquota"));
        for (AccountOperation operation : AccountOperation.values()) {
            accountUris.put(operation, UriComponentsBuilder.fromUri(properties.baseUrl()).path(operation.path())
                    .build().toUri());
            operations.add(operation.metricName());
        }
        for (String operation : operations) {
            latency.put(operation, Timer.builder("huifu.call.latency").tag("operation", operation)
                    .description("one signed call to Huifu, from sending (with a free request slot) to the answer "
                            + "verified or given up").serviceLevelObjectives(LATENCY_BUCKETS).register(meters));
        }
    }

    @Override
    public SubmitOutcome submit(SubmitCommand command) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", command.reqDate());
        data.put("req_seq_id", command.reqSeqId());
        data.put("huifu_id", command.huifuId());
        data.put("cash_amt", command.cashAmt() == null ? null : command.cashAmt().toString());
        data.put("into_acct_date_type", command.intoAcctDateType() == null ? null : command.intoAcctDateType().name());
        data.put("token_no", command.tokenNo());
        data.put("acct_id", blankToNull(command.acctId()));
        data.put("remark", blankToNull(command.remark()));
        data.put("notify_url", notifyUrl);
        SubmitOutcome outcome = HuifuAnswers.submission(exchange(submitUri, latency.get("submit"), data), command);
        record("submit", command.huifuId(), command.reqDate(), command.reqSeqId(), outcome,
                outcome instanceof SubmitOutcome.Unknown unknown && unknown.rateLimited());
        return outcome;
    }

    @Override
    public QueryOutcome query(QueryCommand command) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("huifu_id", command.huifuId());
        data.put("org_req_date", command.reqDate());
        data.put("org_req_seq_id", command.reqSeqId());
        QueryOutcome outcome = HuifuAnswers.query(exchange(queryUri, latency.get("query"), data), command);
        record("query", command.huifuId(), command.reqDate(), command.reqSeqId(), outcome,
                outcome instanceof QueryOutcome.Unknown unknown && unknown.rateLimited());
        return outcome;
    }

    @Override
    public StatementListing statementFiles(String huifuId, String fileDate) {
        Map<String, Object> data = statements.fileQuery(huifuId, fileDate);
        StatementListing listing = StatementRequests.listing(exchange(fileQueryUri, latency.get("filequery"), data));
        record("filequery", huifuId, (String) data.get("req_date"), (String) data.get("req_seq_id"), listing,
                listing instanceof StatementListing.Unknown unknown && unknown.rateLimited());
        return listing;
    }

    @Override
    public boolean replayStatement(String huifuId, String fileDate) {
        Map<String, Object> data = statements.replay(huifuId, fileDate);
        Exchange answer = exchange(replayUri, latency.get("replay"), data);
        boolean replayed = StatementRequests.replayed(answer);
        record("replay", huifuId, (String) data.get("req_date"), (String) data.get("req_seq_id"),
                replayed ? "replayed" : "not replayed: resp_code " + answer.field("resp_code") + " "
                        + answer.problem(), replayed ? "Replayed" : "NotReplayed", HuifuAnswers.isRateLimited(answer));
        return replayed;
    }

    @Override
    public AccountAnswer account(AccountOperation operation, Map<String, Object> data) {
        String name = operation.metricName();
        AccountAnswer answer = AccountAnswer.of(exchange(accountUris.get(operation), latency.get(name), data));
        record(name, (String) data.get("huifu_id"), (String) data.get("req_date"), (String) data.get("req_seq_id"),
                answer, answer.kind().name(), answer.rateLimited());
        return answer;
    }

    @Override
    public Optional<Amount> dmQuota(String huifuId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", LocalDate.now(clock.withZone(BEIJING)).format(DateTimeFormatter.BASIC_ISO_DATE));
        data.put("req_seq_id", UUID.randomUUID().toString().replace("-", ""));
        data.put("huifu_id", huifuId);
        Exchange answer = exchange(dmQuotaUri, latency.get("dmquota"), data);
        Optional<Amount> quota = HuifuAnswers.transportProblem(answer) == null
                && HuifuAnswers.OK.equals(answer.field("resp_code")) ? readableAmount(answer.field("dm_amt"))
                : Optional.empty();
        record("dmquota", huifuId, (String) data.get("req_date"), (String) data.get("req_seq_id"),
                quota.map(q -> "quota " + q).orElse("no readable quota"), quota.isPresent() ? "Quota" : "NoQuota",
                HuifuAnswers.isRateLimited(answer));
        return quota;
    }

    private static Optional<Amount> readableAmount(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Amount.parse(text.strip()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** One signed POST, timed; every failure becomes an {@link Exchange} without trusted data. */
    private Exchange exchange(URI uri, Timer timer, Map<String, Object> data) {
        boolean permitted;
        try {
            permitted = permits.tryAcquire(permitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.noAnswer("interrupted before sending");
        }
        if (!permitted) {
            return Exchange.notSent("not sent: no free request slot within " + permitTimeout);
        }
        long start = System.nanoTime();
        try {
            HuifuEnvelope.SignedRequest request = HuifuEnvelope.request(sysId, productId, data, merchantKey);
            HttpRequest.Builder post = HttpRequest.newBuilder(uri)
                    .timeout(readTimeout)
                    .header("Content-Type", JSON_UTF8)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body().getBytes(StandardCharsets.UTF_8)));
            String traceParent = currentTraceParent.get();
            if (traceParent != null) {
                post.header(TRACEPARENT, traceParent);
            }
            HttpResponse<String> answer = http.send(post.build(), textWithin(start + readTimeout.toNanos()));
            return verify(new Raw(answer.statusCode(), answer.body()));
        } catch (IOException | RuntimeException e) {
            // Timeouts, refused connections and I/O errors alike: whatever it is, the outcome is unknown.
            return Exchange.noAnswer("no answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.noAnswer("interrupted: " + describe(e));
        } finally {
            permits.release();
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The answer's text, given up at {@code deadline} (System.nanoTime): the request's own timeout ends once the
     * headers are in, and an answer whose body stalls must not hold a thread and a request slot for ever. The
     * timeout runs on CompletableFuture's one delay thread, not on a thread per call.
     */
    private static HttpResponse.BodyHandler<String> textWithin(long deadline) {
        return info -> {
            HttpResponse.BodySubscriber<String> text = HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            text.getBody().toCompletableFuture().orTimeout(Math.max(1, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            return text;
        };
    }

    private Exchange verify(Raw raw) {
        if (raw.status() != HuifuAnswers.HTTP_OK) {
            return Exchange.untrusted(raw.status(), "HTTP " + raw.status());
        }
        try {
            return Exchange.verified(raw.status(), HuifuEnvelope.verifyResponse(raw.body(), huifuKey).data());
        } catch (HuifuSignatureException e) {
            log.warn("huifu answer not trusted: {}", e.getMessage());
            return Exchange.untrusted(raw.status(), "untrusted answer: " + e.getMessage());
        }
    }

    /**
     * One log line per call, and {@code huifu_calls_total{operation, outcome, rate_limited}}: refusals and unknowns
     * are worth a dashboard.
     */
    private void record(String operation, String huifuId, String reqDate, String reqSeqId, Object outcome,
                        boolean rateLimited) {
        record(operation, huifuId, reqDate, reqSeqId, outcome, outcome.getClass().getSimpleName(), rateLimited);
    }

    private void record(String operation, String huifuId, String reqDate, String reqSeqId, Object outcome,
                        String outcomeName, boolean rateLimited) {
        log.info("huifu {} huifu_id={} req_date={} req_seq_id={} -> {}", operation, huifuId, reqDate, reqSeqId,
                outcome);
        meters.counter("huifu.calls", "operation", operation, "outcome", outcomeName,
                "rate_limited", Boolean.toString(rateLimited)).increment();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Raw(int status, String body) {
    }
}
