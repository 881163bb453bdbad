package io.payout.orchestrator.account;

/**
 * A withdrawal card of an account as the registry keeps it: never the full number, only the masked one and a keyed
 * hash of it (hex) for matching.
 *
 * @param cardType Huifu's {@code card_type} code
 * @param open     false once Huifu shows the card {@code status} {@code C}
 */
public record KnownCard(String tokenNo, String maskedCardNo, String cardHmac, String cardType, boolean isDefault,
                        boolean open) {
}
