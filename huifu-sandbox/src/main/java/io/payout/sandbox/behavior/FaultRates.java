package io.payout.sandbox.behavior;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How often each fault strikes, as a probability from 0 to 1 (absent = 0). {@code notifyDelayMs} is not a rate but
 * the upper bound of a random extra delay before each notification. Probabilities, never money: doubles are fine.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaultRates(
        double noAnswer,
        @JsonProperty("http_5xx") double http5xx,
        @JsonProperty("http_502") double http502,
        double rateLimit,
        double notifyDrop,
        double notifyDuplicate,
        double notifyReorder,
        long notifyDelayMs,
        double payoutFail,
        double badNotifySign) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public FaultRates {
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

    /** From JSON, where an absent rate means 0 (Jackson 3 refuses to leave a primitive unset). */
    @JsonCreator
    static FaultRates fromJson(@JsonProperty("no_answer") Double noAnswer, @JsonProperty("http_5xx") Double http5xx,
                               @JsonProperty("http_502") Double http502, @JsonProperty("rate_limit") Double rateLimit,
                               @JsonProperty("notify_drop") Double notifyDrop,
                               @JsonProperty("notify_duplicate") Double notifyDuplicate,
                               @JsonProperty("notify_reorder") Double notifyReorder,
                               @JsonProperty("notify_delay_ms") Long notifyDelayMs,
                               @JsonProperty("payout_fail") Double payoutFail,
                               @JsonProperty("bad_notify_sign") Double badNotifySign) {
        return new FaultRates(orZero(noAnswer), orZero(http5xx), orZero(http502), orZero(rateLimit),
                orZero(notifyDrop), orZero(notifyDuplicate), orZero(notifyReorder),
                notifyDelayMs == null ? 0 : notifyDelayMs, orZero(payoutFail), orZero(badNotifySign));
    }

    public static FaultRates all(double rate, long delayMs) {
        return new FaultRates(rate, rate, rate, rate, rate, rate, rate, delayMs, rate, rate);
    }

    /** These rates with payout failures at {@code rate}: e.g. one account whose payouts always fail. */
    public FaultRates withPayoutFail(double rate) {
        return new FaultRates(noAnswer, http5xx, http502, rateLimit, notifyDrop, notifyDuplicate, notifyReorder,
                notifyDelayMs, rate, badNotifySign);
    }

    private static double orZero(Double rate) {
        return rate == null ? 0 : rate;
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
