package io.payout.model.account;

/** {@code out_fee_flag} (ACCOUNTS.md A3.1): who pays a withdrawal's fee. */
public enum FeeBearer {
    /** 外扣: another account pays the fee ({@code out_fee_huifu_id}); the card receives the whole amount. */
    EXTERNAL("1"),
    /** 内扣 (Huifu's default): the fee comes out of the amount withdrawn. */
    INTERNAL("2");

    private final String code;

    FeeBearer(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static FeeBearer ofCode(String code) {
        for (FeeBearer bearer : values()) {
            if (bearer.code.equals(code)) {
                return bearer;
            }
        }
        return null;
    }
}
