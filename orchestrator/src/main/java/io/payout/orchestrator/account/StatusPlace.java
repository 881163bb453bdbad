package io.payout.orchestrator.account;

/**
 * Where a Huifu status value was read. The same letter means different things in different places (ACCOUNTS.md,
 * "status enums by place": {@code F} is a system failure in a notice but a refusal in a business item), so a
 * value is never interpreted without its place.
 */
public enum StatusPlace {
    /** {@code audit_status} of a merchant onboarding notice: Y / N / F. */
    MERCHANT_ONBOARDING_NOTICE,
    /** {@code audit_status} of a merchant business open or modify notice: P / Y / N / F / C. */
    MERCHANT_BUSINESS_NOTICE,
    /** {@code audit_info.audit_status} of a user business notice: Y / P / N. */
    USER_BUSINESS_NOTICE,
    /** {@code apply_status} of either application status query: Y / P / N / F. */
    STATUS_QUERY,
    /** {@code change_settle_state} of the merchant status query after a card change: S / F / P / C. */
    CARD_CHANGE_STATE,
    /** {@code code} of a {@code resp_business} item: S / F, and P for pending in the merchant query. */
    BUSINESS_ITEM
}
