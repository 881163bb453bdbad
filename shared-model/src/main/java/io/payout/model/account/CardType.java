package io.payout.model.account;

/** {@code card_info.card_type} (ACCOUNTS.md A3.1), with Huifu's code. */
public enum CardType {
    /** 对公: a corporate account in the holder's own name. */
    CORPORATE("0"),
    /** 对私法人: a private card of the legal person. */
    PRIVATE_LEGAL_PERSON("1"),
    /** 对私非法人: a private card of someone else. */
    PRIVATE_OTHER("2"),
    /** 对公非同名: a corporate account in another name; Huifu reviews it before it binds. */
    CORPORATE_OTHER_NAME("4");

    private final String code;

    CardType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isPrivate() {
        return this == PRIVATE_LEGAL_PERSON || this == PRIVATE_OTHER;
    }

    /** The type with Huifu's code, or null. */
    public static CardType ofCode(String code) {
        for (CardType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
