package io.payout.model.huifu;

/** A Huifu message whose signature is missing, malformed or wrong, or whose body cannot be read. */
public final class HuifuSignatureException extends RuntimeException {
    public HuifuSignatureException(String message) {
        super(message);
    }
}
