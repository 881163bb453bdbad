package io.payout.sandbox.account;

import io.payout.model.Masking;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Who really holds a card number, as the bank's records would tell Huifu: the cards registered through the control
 * API, and by default the holder the request declares, except that a number ending in {@value #STRANGER_SUFFIX}
 * belongs to a stranger, so a test can bind a mismatching card without registering anything.
 */
public final class CardHolders {

    static final String STRANGER_SUFFIX = "0000";

    /** The name and certificate number a card is registered to. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Holder(String cardName, String certNo) {

        @Override
        public String toString() {
            return "Holder[card_name=" + Masking.name(cardName) + ", cert_no=" + Masking.tail(certNo) + "]";
        }
    }

    private final Map<String, Holder> registered = new ConcurrentHashMap<>();

    public void register(String cardNo, Holder holder) {
        registered.put(cardNo, holder);
    }

    /** Whether {@code cardNo} belongs to the declared name and certificate (name + number + certificate). */
    boolean matches(String cardNo, String cardName, String certNo) {
        Holder holder = registered.get(cardNo);
        if (holder == null) {
            return !cardNo.endsWith(STRANGER_SUFFIX);
        }
        return holder.cardName().equals(cardName) && holder.certNo().equals(certNo);
    }
}
