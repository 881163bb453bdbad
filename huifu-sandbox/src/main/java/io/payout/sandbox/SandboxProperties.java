package io.payout.sandbox;

import io.payout.sandbox.behavior.FaultRates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Everything the sandbox reads from configuration (prefix {@code sandbox.}). Defaults live here, not in a YAML
 * file, because other modules start the sandbox in their own JVM where their application.yml may be found first.
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        String sysId,
        String productId,
        String merchantPublicKey,
        String huifuPrivateKey,
        Duration accountingDelay,
        Duration payoutDelay,
        Double timeCompression,
        Long seed,
        Duration noAnswerHold,
        List<String> holidays,
        @Name("notify") Notify notification,
        Faults faults,
        Path stateDir,
        Statement statement) {

    public SandboxProperties {
        sysId = sysId == null || sysId.isBlank() ? "6666000100000000" : sysId;
        productId = productId == null || productId.isBlank() ? "PAYUN" : productId;
        accountingDelay = accountingDelay == null ? Duration.ofMillis(200) : accountingDelay;
        payoutDelay = payoutDelay == null ? Duration.ofMillis(300) : payoutDelay;
        timeCompression = timeCompression == null ? 1.0 : timeCompression;
        if (timeCompression <= 0) {
            throw new IllegalArgumentException("sandbox.time-compression must be positive: " + timeCompression);
        }
        seed = seed == null ? 42L : seed;
        // Well past any sane client read timeout, so "never answer" looks like a lost reply.
        noAnswerHold = noAnswerHold == null ? Duration.ofSeconds(120) : noAnswerHold;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        holidays.forEach(LocalDate::parse); // fail at start on a malformed date, not at the first T1
        notification = notification == null ? new Notify(null, null, null, null) : notification;
        faults = faults == null ? new Faults(null, null) : faults;
        statement = statement == null ? new Statement(null, null, null) : statement;
    }

    /** The folder that keeps the ledger and the withdrawals across a restart; empty: in memory only (the default). */
    public Optional<Path> persistentState() {
        return Optional.ofNullable(stateDir);
    }

    /** The configured holidays (ISO dates, Beijing): not working days for T1. */
    public Set<LocalDate> holidayDates() {
        return holidays.stream().map(LocalDate::parse).collect(Collectors.toSet());
    }

    /** Notification delivery ({@code sandbox.notify.*}): per-attempt timeout, pause between attempts, retries after the first attempt. */
    public record Notify(Duration timeout, Duration retryInterval, Integer maxRetries, Integer maxConcurrency) {
        public Notify {
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            retryInterval = retryInterval == null ? Duration.ofMillis(100) : retryInterval;
            maxRetries = maxRetries == null ? 3 : maxRetries;
            maxConcurrency = maxConcurrency == null ? 64 : maxConcurrency;
        }
    }

    /**
     * The withdrawal statement ({@code sandbox.statement.*}): rows per CSV before the next batch file (Huifu splits
     * past 400,000), how long a download link works (real time), and the address download links start with
     * (default: the address the filequery came in on).
     */
    public record Statement(Integer rowsPerFile, Duration linkTtl, String baseUrl) {
        public Statement {
            rowsPerFile = rowsPerFile == null ? 400_000 : rowsPerFile;
            if (rowsPerFile < 1) {
                throw new IllegalArgumentException(
                        "sandbox.statement.rows-per-file must be positive: " + rowsPerFile);
            }
            linkTtl = linkTtl == null ? Duration.ofHours(1) : linkTtl;
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        }
    }

    /** Fault rates switched on at start: {@code sandbox.faults.rates.*} and {@code sandbox.faults.accounts.<huifu_id>.*}. */
    public record Faults(FaultRates rates, Map<String, FaultRates> accounts) {
        public Faults {
            rates = rates == null ? FaultRates.NONE : rates;
            accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        }
    }
}
