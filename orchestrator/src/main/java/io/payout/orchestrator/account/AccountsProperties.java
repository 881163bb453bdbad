package io.payout.orchestrator.account;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts feature's configuration.
 *
 * @param hashKey        Base64 key of the keyed hashes (HMAC-SHA256) that stand in for card numbers, certificate
 *                       numbers and names once they are purged. Without it the feature does not run: a hash without a
 *                       secret key would let anyone with the database try every card number.
 * @param sealingKeys    Base64 AES keys (16, 24 or 32 bytes) that seal requests while their application is open; the
 *                       first seals, all open (rotation: put the new key first, drop the old one once no open
 *                       application uses it). Empty: one key derived from {@code hashKey}.
 * @param workerEnabled  whether this instance sends account requests to Huifu and follows them
 * @param upperHuifuId   the channel or merchant new users belong to ({@code upper_huifu_id} of a first opening)
 * @param notifyUrl      Huifu's {@code async_return_url}: the gateway's {@code /huifu/notify/account}
 * @param pollInterval   how often due applications are looked for
 * @param followAfter    how long after an application is filed its status is first asked, if no notice came
 * @param retryBase      the first wait after a call that did not answer; doubled each time up to {@code retryMax}
 * @param retryMax       the longest wait between two attempts, and between two status queries of a review
 * @param maxLookups     lookups of a lost answer (and detail queries) before an operator is asked to look
 * @param batchSize      applications claimed at a time
 * @param lease          how long a claimed application is left to its instance: longer than Huifu's read timeout;
 *                       after a crash its applications are taken over this much later
 * @param checks         which withdrawals are checked before they are sent: OFF, KNOWN_ACCOUNTS (those whose account
 *                       the registry knows; the others go to Huifu unchecked) or REQUIRED (an unknown account fails)
 */
@ConfigurationProperties("orchestrator.accounts")
public record AccountsProperties(
        String hashKey,
        @DefaultValue List<String> sealingKeys,
        @DefaultValue("true") boolean workerEnabled,
        String upperHuifuId,
        String notifyUrl,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration followAfter,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("8") int maxLookups,
        @DefaultValue("20") int batchSize,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("KNOWN_ACCOUNTS") CheckMode checks) {

    public AccountsProperties {
        sealingKeys = sealingKeys == null ? List.of() : List.copyOf(sealingKeys);
    }

    /** Never shows a key. */
    @Override
    public String toString() {
        return "AccountsProperties[hashKey=" + (hashKey == null ? "unset" : "set") + ", sealingKeys="
                + sealingKeys.size() + ", workerEnabled=" + workerEnabled + ", upperHuifuId=" + upperHuifuId
                + ", notifyUrl=" + notifyUrl + "]";
    }
}
