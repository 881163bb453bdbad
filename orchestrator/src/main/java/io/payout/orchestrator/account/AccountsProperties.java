package io.payout.orchestrator.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts feature's configuration.
 *
 * @param hashKey Base64 key of the keyed hashes (HMAC-SHA256) that stand in for card numbers, certificate numbers
 *                and names once they are purged. Without it the feature does not run: a hash without a secret key
 *                would let anyone with the database try every card number.
 */
@ConfigurationProperties("orchestrator.accounts")
public record AccountsProperties(String hashKey) {
}
