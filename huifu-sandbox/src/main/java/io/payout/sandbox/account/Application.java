package io.payout.sandbox.account;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A 对公非同名 card (card_type 4) under review (A3.2, A6): {@code P} until the review delay has passed by the
 * sandbox's clock, then the outcome the review settings named when it was filed ({@code never} keeps it P).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Application(String applyNo, String huifuId, String reqSeqId, String reqDate, String asyncReturnUrl,
                          BoundCard card, Instant decidesAt, String outcome,
                          String reason) {

    static final String REVIEWING = "P";

    /** The status at {@code now}: P, or the outcome once due. */
    String statusAt(Instant now) {
        return decidesAt == null || now.isBefore(decidesAt) ? REVIEWING : outcome;
    }
}
