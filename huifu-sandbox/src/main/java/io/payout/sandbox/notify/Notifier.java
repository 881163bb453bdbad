package io.payout.sandbox.notify;

import io.payout.model.huifu.CanonicalJson;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.RsaSignatures;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.Faults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Delivers Huifu's trade notifications (PROTOCOL.md §4): a signed form POSTed to {@code notify_url}; acknowledged
 * only by HTTP 200 with body {@code RECV_ORD_ID_<req_seq_id>} within the timeout; otherwise retried up to
 * {@code maxRetries} times. Drop, duplicate, delay and bad-signature faults are applied here.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** Delivery settings: per-attempt timeout, pause between attempts, retries after the first attempt. */
    public record Settings(Duration timeout, Duration retryInterval, int maxRetries, int maxConcurrency) {
    }

    private final HttpClient http;
    private final Settings settings;
    private final PrivateKey huifuKey;
    private final Faults faults;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    /**
     * The threads that send, at most {@code maxConcurrency} at once; waiting notices queue here, not on a thread.
     * Blocking sends from threads of our own: {@code HttpClient.sendAsync} hands every completion to the common
     * CompletableFuture pool, which on a machine of two cores or fewer starts a new thread per task.
     */
    private final ThreadPoolExecutor senders;
    private volatile ParsedUrl lastUrl;
    /** Deliveries not yet concluded (acknowledged or out of retries), so tests can wait for quiet. */
    private final AtomicInteger pending = new AtomicInteger();

    public Notifier(Settings settings, PrivateKey huifuKey, Faults faults, ScheduledExecutorService scheduler,
                    Clock clock) {
        this.settings = settings;
        this.huifuKey = huifuKey;
        this.faults = faults;
        this.scheduler = scheduler;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(settings.maxConcurrency(), settings.maxConcurrency(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "sandbox-notify-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        senders.allowCoreThreadTimeOut(true);
        this.http = HttpClient.newBuilder()
                // The client's own pool took every response event from its selector thread only to wake the
                // sending thread; the selector thread can as well complete the exchange itself (it never blocks).
                .executor(Runnable::run)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER) // Huifu follows no redirects (§4.1)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Sends a notice, with whatever faults strike it. The future completes once its first attempt (of each copy)
     * has finished, so a caller can chain notices to fix their order; retries go on independently.
     */
    public CompletableFuture<Void> deliver(Notice notice) {
        String[] id = {notice.reqSeqId(), notice.msgType()};
        if (faults.strikes(Fault.NOTIFY_DROP, notice.huifuId(), id)) {
            notice.recorder().accept(new DeliveryAttempt(notice.msgType(), 1, 0, null, false, "dropped", true,
                    clock.instant()));
            log.info("notification dropped by fault req_seq_id={} msg_type={}", notice.reqSeqId(), notice.msgType());
            return CompletableFuture.completedFuture(null);
        }
        boolean badSign = faults.strikes(Fault.BAD_NOTIFY_SIGN, notice.huifuId(), id);
        HttpRequest request = request(notice.url(), HuifuNotifications.formBody(form(notice, badSign)));
        long bound = faults.notifyDelayBoundMs(notice.huifuId());
        long delayMs = bound <= 0 ? 0 : (long) (faults.choice("notify_delay", notice.huifuId(), id) * (bound + 1));
        boolean duplicate = faults.strikes(Fault.NOTIFY_DUPLICATE, notice.huifuId(), id);
        pending.addAndGet(duplicate ? 2 : 1);
        CompletableFuture<Void> first = new CompletableFuture<>();
        Runnable start = () -> attempt(notice, request, !badSign, 1, 1, first);
        if (delayMs > 0) {
            scheduler.schedule(start, delayMs, TimeUnit.MILLISECONDS);
        } else {
            start.run();
        }
        if (!duplicate) {
            return first;
        }
        return first.thenCompose(ignored -> {
            CompletableFuture<Void> copy = new CompletableFuture<>();
            attempt(notice, request, !badSign, 2, 1, copy);
            return copy;
        });
    }

    /** One request for every attempt and copy of a notice (it is immutable); null for a URL that cannot be sent to. */
    private HttpRequest request(String url, String body) {
        try {
            return HttpRequest.newBuilder(uri(url))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Nearly every notice goes to the same notify_url: parse it once, not per notice. */
    private URI uri(String url) {
        ParsedUrl last = lastUrl;
        if (last != null && last.text().equals(url)) {
            return last.uri();
        }
        URI uri = URI.create(url);
        lastUrl = new ParsedUrl(url, uri);
        return uri;
    }

    private Map<String, String> form(Notice notice, boolean badSign) {
        if (!badSign) {
            return HuifuNotifications.signedForm(notice.dataField(), notice.respData(), huifuKey);
        }
        String raw = CanonicalJson.of(notice.respData());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", HuifuNotifications.GATEWAY_OK_CODE);
        form.put("resp_desc", HuifuNotifications.GATEWAY_OK_DESC);
        // A well-formed signature over other text: verifies as Base64, fails as a signature.
        form.put("sign", RsaSignatures.sign(raw + " ", huifuKey));
        form.put(notice.dataField(), raw);
        return form;
    }

    private void attempt(Notice notice, HttpRequest request, boolean signValid, int delivery, int attempt,
                         CompletableFuture<Void> firstDone) {
        if (request == null) {
            record(notice, delivery, attempt, null, false, "bad_url", signValid, firstDone);
            pending.decrementAndGet();
            return;
        }
        try {
            senders.execute(() -> {
                HttpResponse<String> response = null;
                Exception error = null;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    error = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = e;
                }
                String outcome = outcome(notice, response, error);
                record(notice, delivery, attempt, response == null ? null : response.statusCode(),
                        "acked".equals(outcome), outcome, signValid, firstDone);
                if (!"acked".equals(outcome) && attempt <= settings.maxRetries()) {
                    retryLater(notice, request, signValid, delivery, attempt + 1);
                } else {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            pending.decrementAndGet();
        }
    }

    /** Only HTTP 200 with body {@code RECV_ORD_ID_<req_seq_id>} acknowledges (§4.4); surrounding blanks tolerated [I]. */
    private static String outcome(Notice notice, HttpResponse<String> response, Exception error) {
        if (response != null) {
            if (response.statusCode() != 200) {
                return "http_" + response.statusCode();
            }
            return HuifuNotifications.ackBody(notice.reqSeqId()).equals(response.body().strip()) ? "acked"
                    : "ack_mismatch";
        }
        log.debug("notification attempt failed req_seq_id={}: {}", notice.reqSeqId(), String.valueOf(error));
        return error instanceof HttpTimeoutException ? "timeout" : "io_error";
    }

    private void retryLater(Notice notice, HttpRequest request, boolean signValid, int delivery, int attempt) {
        try {
            scheduler.schedule(() -> attempt(notice, request, signValid, delivery, attempt, null),
                    settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            pending.decrementAndGet();
        }
    }

    /** Notices being delivered or waiting for a retry. */
    public int pending() {
        return pending.get();
    }

    /** Stops sending: queued notices are dropped, requests in flight interrupted. */
    @Override
    public void close() {
        senders.shutdownNow();
    }

    private record ParsedUrl(String text, URI uri) {
    }

    private void record(Notice notice, int delivery, int attempt, Integer status, boolean acked, String outcome,
                        boolean signValid, CompletableFuture<Void> firstDone) {
        notice.recorder().accept(new DeliveryAttempt(notice.msgType(), delivery, attempt, status, acked, outcome,
                signValid, clock.instant()));
        // every attempt is in the withdrawal's record (GET /sandbox/withdrawals); the log keeps the unacknowledged
        log.atLevel(acked ? Level.DEBUG : Level.INFO).log(
                "notification attempt req_seq_id={} msg_type={} delivery={} attempt={} outcome={}",
                notice.reqSeqId(), notice.msgType(), delivery, attempt, outcome);
        if (firstDone != null) {
            firstDone.complete(null);
        }
    }
}
