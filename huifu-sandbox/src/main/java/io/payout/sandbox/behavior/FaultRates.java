package io.payout.sandbox.behavior;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How often each fault strikes, as a probability from 0 to 1 (absent = 0). {@code notifyDelayMs} is not a rate but
 * the upper bound of a random extra delay before each notification. Probabilities, never money: doubles are fine.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaultRates(
        Double noAnswer,
        @JsonProperty("http_5xx") Double http5xx,
        @JsonProperty("http_502") Double http502,
        Double rateLimit,
        Double notifyDrop,
        Double notifyDuplicate,
        Double notifyReorder,
        Long notifyDelayMs,
        Double payoutFail,
        Double badNotifySign) {

    public static final FaultRates NONE = new FaultRates(null, null, null, null, null, null, null, null, null, null);

    /** Absent means 0, so JSON and properties need name only the faults they switch on. */
    public FaultRates {
        noAnswer = orZero(noAnswer);
        http5xx = orZero(http5xx);
        http502 = orZero(http502);
        rateLimit = orZero(rateLimit);
        notifyDrop = orZero(notifyDrop);
        notifyDuplicate = orZero(notifyDuplicate);
        notifyReorder = orZero(notifyReorder);
        notifyDelayMs = notifyDelayMs == null ? 0L : notifyDelayMs;
        payoutFail = orZero(payoutFail);
        badNotifySign = orZero(badNotifySign);
        for (double rate : new double[] {noAnswer, http5xx, http502, rateLimit, notifyDrop, notifyDuplicate,
                notifyReorder, payoutFail, badNotifySign}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be between 0 and 1: " + rate);
            }
        }
        if (notifyDelayMs < 0) {
            throw new IllegalArgumentException("notify_delay_ms must not be negative: " + notifyDelayMs);
        }
    }

    /** Every fault at the same rate, with notifications delayed up to {@code delayMs}: the property test's storm. */
    public static FaultRates all(double rate, long delayMs) {
        return new FaultRates(rate, rate, rate, rate, rate, rate, rate, delayMs, rate, rate);
    }

    public FaultRates withPayoutFail(double rate) {
        return new FaultRates(noAnswer, http5xx, http502, rateLimit, notifyDrop, notifyDuplicate, notifyReorder,
                notifyDelayMs, rate, badNotifySign);
    }

    public FaultRates withNotifyReorder(double rate) {
        return new FaultRates(noAnswer, http5xx, http502, rateLimit, notifyDrop, notifyDuplicate, rate,
                notifyDelayMs, payoutFail, badNotifySign);
    }

    private static Double orZero(Double rate) {
        return rate == null ? 0.0 : rate;
    }

    double rateOf(Fault fault) {
        return switch (fault) {
            case NO_ANSWER -> noAnswer;
            case HTTP_5XX -> http5xx;
            case HTTP_502 -> http502;
            case RATE_LIMIT -> rateLimit;
            case NOTIFY_DROP -> notifyDrop;
            case NOTIFY_DUPLICATE -> notifyDuplicate;
            case NOTIFY_REORDER -> notifyReorder;
            case NOTIFY_DELAY -> notifyDelayMs > 0 ? 1 : 0;
            case PAYOUT_FAIL -> payoutFail;
            case BAD_NOTIFY_SIGN -> badNotifySign;
        };
    }
}
