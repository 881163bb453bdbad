package io.payout.gateway.callback;

import io.payout.gateway.publish.NotificationPublisher;
import io.payout.gateway.publish.PublishFailedException;
import io.payout.gateway.security.SourceNetworks;
import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuNotifications;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of Huifu's notify addresses (CONTRACT.md §4, §6): one instance per {@link NoticeKind}, on its path. The order
 * of the steps is the guarantee: verify,
 * publish (to the quarantine topic when the orchestrator could not use the notice, see {@link NoticeFields}), wait
 * for the broker, and only then answer {@code RECV_ORD_ID_<req_seq_id>}. Anything that stops
 * earlier answers without the acknowledgement body, so Huifu sends the notification again.
 *
 * <p>A plain servlet rather than a Spring MVC controller: the endpoint reads its own form, writes a short text
 * answer and records its own metrics, so MVC's dispatch, message converters and servlet filters would only add CPU
 * to every notification on the request thread, beside the signature check that is the real work.
 */
final class NotificationServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(NotificationServlet.class);
    private static final String TEXT = "text/plain;charset=UTF-8";
    /** Not a value any branch answers: a request that ends with it threw, and the container answered 500. */
    private static final int FAILED = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;

    private final NoticeKind kind;
    private final transient NotificationVerifier verifier;
    private final transient NotificationPublisher publisher;
    private final transient SourceNetworks sources;
    private final transient NotificationMetrics metrics;
    private final transient Clock clock;
    private final int maxBodyBytes;

    NotificationServlet(NoticeKind kind, NotificationVerifier verifier, NotificationPublisher publisher,
                        SourceNetworks sources, NotificationMetrics metrics, Clock clock, int maxBodyBytes) {
        this.kind = kind;
        this.verifier = verifier;
        this.publisher = publisher;
        this.sources = sources;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Every method comes here, so the request metric sees the 405s too. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        int status = FAILED;
        try {
            status = "POST".equals(request.getMethod()) ? onNotification(request, response)
                    : methodNotAllowed(response);
        } finally {
            metrics.answered(status, System.nanoTime() - start);
        }
    }

    private int onNotification(HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.received();
        HuifuNotification notification;
        try {
            if (!sources.allows(request.getRemoteAddr())) {
                throw new NotificationRejectedException(Rejection.SOURCE_NOT_ALLOWED);
            }
            notification = verifier.verify(kind, NotificationForm.read(request, maxBodyBytes, kind.dataField()),
                    Instant.now(clock));
        } catch (NotificationRejectedException e) {
            metrics.rejected(e.rejection());
            // Reason and source only: the body may carry card numbers and is never logged or echoed.
            log.warn("{} notification rejected: {} from {}", kind.tag(), e.rejection(), request.getRemoteAddr());
            return answer(response, e.rejection().status(), e.rejection().body());
        }
        metrics.verified();
        String problem = NoticeFields.problem(notification.respData());
        try {
            if (problem == null) {
                publisher.publish(notification);
            } else {
                publisher.quarantine(notification, problem);
            }
        } catch (PublishFailedException e) {
            metrics.unavailable();
            log.warn("notification {} not acknowledged, answering 503 so Huifu retries: {}: {}",
                    notification, e.getMessage(), String.valueOf(e.getCause()));
            return answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "UNAVAILABLE: not acknowledged, retry later");
        }
        if (problem != null) {
            // signed by Huifu, so evidence: kept on the quarantine topic and acknowledged, never turned away
            metrics.quarantined();
            log.warn("notification {} quarantined: {}", notification.notificationId(), problem);
        }
        metrics.acknowledged();
        log.info("notification acknowledged: {}", notification);
        String reqSeqId = notification.reqSeqId();
        return answer(response, HttpServletResponse.SC_OK, HuifuNotifications.ackBody(reqSeqId == null ? ""
                : reqSeqId));
    }

    private static int methodNotAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        return answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED: notifications are POSTed");
    }

    private static int answer(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(TEXT);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        return status;
    }
}
