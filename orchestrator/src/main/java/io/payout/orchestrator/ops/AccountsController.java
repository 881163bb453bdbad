package io.payout.orchestrator.ops;

import io.payout.model.AccountKind;
import io.payout.orchestrator.account.AccountRefresh;
import io.payout.orchestrator.account.AccountRegistry;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The accounts the orchestrator knows (CONTRACT.md §6), behind the operations API's bearer token. */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private static final int MAX_LIMIT = 500;

    private final AccountRegistry registry;
    private final ObjectProvider<AccountRefresh> refresh;

    AccountsController(AccountRegistry registry, ObjectProvider<AccountRefresh> refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    /** One line per account in the registry. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AccountLine(String huifuId, AccountKind accountKind, String merStat, Instant updatedAt) {
    }

    /** The accounts known, ordered by {@code huifu_id}; page on with {@code after} (the last id of a page). */
    @GetMapping
    List<AccountLine> accounts(@RequestParam(required = false) String after,
                               @RequestParam(name = "account_kind", required = false) AccountKind accountKind,
                               @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return registry.list(after, accountKind, limit).stream()
                .map(a -> new AccountLine(a.huifuId(), a.accountKind(), a.merStat(), a.updatedAt())).toList();
    }

    /** 404 when the registry never learned anything of the account. */
    @GetMapping("/{huifuId}")
    AccountDetails account(@PathVariable String huifuId) {
        return registry.view(huifuId).map(AccountDetails::of)
                .orElseThrow(() -> new NoSuchElementException("no account " + huifuId + " is known"));
    }

    /**
     * Reads the account from Huifu's detail query now and answers what is known after it: 404 for an account the
     * registry does not know, 503 when Huifu did not answer (or the accounts feature is off).
     */
    @PostMapping("/{huifuId}/refresh")
    AccountDetails refresh(@PathVariable String huifuId) {
        if (registry.facts(huifuId).isEmpty()) {
            throw new NoSuchElementException("no account " + huifuId + " is known");
        }
        AccountRefresh refresher = refresh.getIfAvailable();
        if (refresher == null) {
            throw new IllegalStateException(
                    "accounts are not read from Huifu: orchestrator.accounts.hash-key is unset");
        }
        Optional<?> read = refresher.refresh(huifuId, null);
        if (read.isEmpty()) {
            throw new IllegalStateException("Huifu's detail query did not answer for " + huifuId + "; try again");
        }
        return account(huifuId);
    }
}
