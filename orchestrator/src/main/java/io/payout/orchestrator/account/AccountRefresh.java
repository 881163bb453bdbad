package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountSource;
import io.payout.orchestrator.huifu.AccountAnswer;
import io.payout.orchestrator.huifu.Huifu;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reads accounts from Huifu's detail query (ACCOUNTS.md A7) into the registry: on an operator's request, before a
 * card or cash-type check fails (a card bound in Huifu's console is not yet known here), and every day for every
 * known account, so what changed at Huifu without a notice is learned within a day.
 */
@Service
@ConditionalOnProperty("orchestrator.accounts.hash-key")
public class AccountRefresh {

    private static final Logger log = LoggerFactory.getLogger(AccountRefresh.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 500;

    private final Huifu huifu;
    private final AccountRegistry registry;
    private final KeyedHashes hashes;
    private final AccountsProperties properties;
    private final Clock clock;

    AccountRefresh(Huifu huifu, AccountRegistry registry, AccountsProperties properties, Clock clock) {
        this.huifu = huifu;
        this.registry = registry;
        this.hashes = new KeyedHashes(properties.hashKey());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads the account from Huifu and learns it; the facts after that, or empty when Huifu did not answer (or the
     * account is neither known here nor of the kind given).
     */
    public Optional<AccountFacts> refresh(String huifuId, AccountKind kindIfUnknown) {
        AccountKind kind = registry.facts(huifuId).map(AccountFacts::accountKind).orElse(kindIfUnknown);
        if (kind == null) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_date", LocalDate.now(clock.withZone(BEIJING)).format(DateTimeFormatter.BASIC_ISO_DATE));
        data.put("req_seq_id", UUID.randomUUID().toString().replace("-", ""));
        data.put("huifu_id", huifuId);
        AccountAnswer answer = huifu.account(HuifuAccountRequests.detailQueryOf(kind), data);
        if (!answer.ok()) {
            log.info("account {} not refreshed: {}", huifuId, answer);
            return Optional.empty();
        }
        registry.learn(DetailQueryFacts.from(huifuId, kind, answer.data(), hashes), AccountSource.QUERY, null);
        return registry.facts(huifuId);
    }

    /** Every known account, once a day (Beijing time), one after the other. */
    @Scheduled(cron = "${orchestrator.accounts.refresh-cron:0 30 4 * * *}", zone = "Asia/Shanghai")
    void refreshAll() {
        if (!properties.workerEnabled()) {
            return;
        }
        String after = null;
        int refreshed = 0;
        List<AccountRecord> page;
        do {
            page = registry.list(after, null, PAGE);
            for (AccountRecord account : page) {
                try {
                    refresh(account.huifuId(), account.accountKind());
                    refreshed++;
                } catch (RuntimeException e) {
                    log.warn("account {} refresh failed: {}", account.huifuId(), e.toString());
                }
                after = account.huifuId();
            }
        } while (page.size() == PAGE);
        log.info("daily account refresh: {} accounts read from Huifu", refreshed);
    }
}
