package io.payout.orchestrator.huifu;

import java.util.Map;

/**
 * Huifu's answer to an account call, before the account feature reads it: {@link Kind#ANSWERED} only when the answer
 * is signed and verified (then {@code data} holds its business fields); otherwise whether the request may have reached
 * Huifu ({@link Kind#UNKNOWN}) or surely did not ({@link Kind#NOT_SENT}). {@link #toString()} leaves {@code data} out:
 * a detail query's answer carries names.
 */
public record AccountAnswer(Kind kind, String respCode, String respDesc, Map<String, String> data, String problem,
                            boolean rateLimited) {

    public enum Kind {
        ANSWERED,
        UNKNOWN,
        NOT_SENT
    }

    public static final String OK = HuifuAnswers.OK;

    public AccountAnswer {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    static AccountAnswer of(Exchange exchange) {
        String problem = HuifuAnswers.transportProblem(exchange);
        if (exchange.httpStatus() == Exchange.NOT_SENT) {
            return new AccountAnswer(Kind.NOT_SENT, null, null, null, problem, true);
        }
        if (problem != null) {
            return new AccountAnswer(Kind.UNKNOWN, exchange.field("resp_code"), null, null, problem,
                    HuifuAnswers.isRateLimited(exchange));
        }
        String code = exchange.field("resp_code");
        return new AccountAnswer(Kind.ANSWERED, code, exchange.field("resp_desc"), exchange.data(), null,
                HuifuAnswers.TOO_FREQUENT.equals(code));
    }

    public boolean answered() {
        return kind == Kind.ANSWERED;
    }

    /** Signed and {@code 00000000}: Huifu accepted the request. */
    public boolean ok() {
        return answered() && OK.equals(respCode);
    }

    /**
     * Signed, and a code that says Huifu did not take the request as asked. Throttling ({@code 20000001}) is no
     * refusal: the same request is asked again later.
     */
    public boolean refused() {
        return answered() && !OK.equals(respCode) && !rateLimited;
    }

    public String field(String name) {
        return data.get(name);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANSWERED -> "Answered[" + respCode + " " + respDesc + "]";
            case UNKNOWN -> "Unknown[" + problem + "]";
            case NOT_SENT -> "NotSent[" + problem + "]";
        };
    }
}
