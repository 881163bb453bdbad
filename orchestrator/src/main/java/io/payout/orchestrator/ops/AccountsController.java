package io.payout.orchestrator.ops;

import io.payout.orchestrator.account.AccountRegistry;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The accounts the orchestrator knows (CONTRACT.md §6), behind the operations API's bearer token. */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final AccountRegistry registry;

    AccountsController(AccountRegistry registry) {
        this.registry = registry;
    }

    /** 404 when the registry never learned anything of the account. */
    @GetMapping("/{huifuId}")
    AccountDetails account(@PathVariable String huifuId) {
        return registry.view(huifuId).map(AccountDetails::of)
                .orElseThrow(() -> new NoSuchElementException("no account " + huifuId + " is known"));
    }
}
