package io.payout.sandbox.api;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;

/**
 * Serves Huifu's paths as a plain servlet rather than through Spring MVC: each request is a byte body in and a
 * ready-made answer out, so MVC's dispatch, argument resolution, message converters and the filters Boot maps to
 * MVC would only add CPU to every request beside the signature. A withheld answer (NO_ANSWER) is an asynchronous
 * request left pending for {@code noAnswerHold}, so it holds no request thread; then the gateway "gives up" with
 * 502.
 */
final class HuifuApiServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient HuifuApi api;
    private final long noAnswerHoldMs;

    HuifuApiServlet(HuifuApi api, long noAnswerHoldMs) {
        this.api = api;
        this.noAnswerHoldMs = noAnswerHoldMs;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            // What Spring MVC answered for a @PostMapping: 405, Allow: POST, Boot's error body.
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HuifuApi.Reply reply = api.post(request.getServletPath(), request.getRequestURI(), request.getContentType(),
                body, baseUrl(request));
        if (reply.withheld()) {
            withhold(request);
        } else {
            write(response, reply.answer());
        }
    }

    private void withhold(HttpServletRequest request) {
        AsyncContext async = request.startAsync();
        async.setTimeout(noAnswerHoldMs);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                // Never answered by us; if the client is still listening after the hold, the gateway gives up.
                write((HttpServletResponse) async.getResponse(), HuifuApi.WITHHELD_TIMEOUT);
                async.complete();
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                async.complete();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }

    /** The address the caller reached us at (its Host header), so the links we hand it work from where it is. */
    private static String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host != null && !host.isBlank() ? host
                : request.getServerName() + ":" + request.getServerPort());
    }

    private static void write(HttpServletResponse response, HuifuAnswer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
