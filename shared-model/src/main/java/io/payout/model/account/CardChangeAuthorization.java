package io.payout.model.account;

/**
 * How a merchant authorises a card change (ACCOUNTS.md A4): the SMS code Huifu texted
 * ({@code authentication_type=0}), or a consent check of a named person ({@code authentication_type=1}).
 */
public record CardChangeAuthorization(String verifyCode, String personType, String personMobile) {

    public boolean bySmsCode() {
        return verifyCode != null;
    }

    @Override
    public String toString() {
        return bySmsCode() ? "CardChangeAuthorization[sms code]"
                : "CardChangeAuthorization[consent of " + personType + "]";
    }
}
