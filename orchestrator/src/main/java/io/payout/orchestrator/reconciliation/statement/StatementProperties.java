package io.payout.orchestrator.reconciliation.statement;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily statement job ({@code orchestrator.statement.*}). Huifu batches the withdrawal statement at 10:30 Beijing
 * and recommends fetching it an hour later and querying at most three times a day (ACCOUNTS.md A8).
 *
 * @param enabled          whether the job runs on its own (the operator's re-run works either way)
 * @param checkCron        how often the job looks for work (Beijing time); cheap when there is none
 * @param firstTry         Beijing time of the day after the trade date before which no query is sent
 * @param retryInterval    the least time between two queries of one account and file date
 * @param maxQueries       queries (filequery and replay together) per account and file date
 * @param folder           where downloaded statements are kept, so that a re-run matches the same file
 * @param maxDownloadBytes the largest zip accepted (its inflated size is bounded separately)
 * @param downloadTimeout  the longest a download may take
 */
@ConfigurationProperties("orchestrator.statement")
public record StatementProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 */10 * * * *") String checkCron,
        @DefaultValue("11:30") LocalTime firstTry,
        @DefaultValue("1h") Duration retryInterval,
        @DefaultValue("3") int maxQueries,
        @DefaultValue("statements") Path folder,
        @DefaultValue("268435456") long maxDownloadBytes,
        @DefaultValue("5m") Duration downloadTimeout) {

    public StatementProperties {
        if (maxQueries < 1) {
            throw new IllegalArgumentException("orchestrator.statement.max-queries must be at least 1: " + maxQueries);
        }
        if (maxDownloadBytes < 1) {
            throw new IllegalArgumentException("orchestrator.statement.max-download-bytes must be positive");
        }
    }
}
