package io.payout.orchestrator.console;

import io.payout.orchestrator.account.AccountRegistry;
import io.payout.orchestrator.account.AccountView;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the product knows of each Huifu account, read from the registry: cards by masked number and token_no, the
 * cash types switched on and their fees, merchant status, each with where and when it was learned.
 */
@Controller
class AccountPages {

    static final int LIST_LIMIT = 500;

    private final AccountRegistry registry;

    AccountPages(AccountRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/console/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", registry.latest(LIST_LIMIT));
        return "console/accounts";
    }

    @GetMapping("/console/accounts/{huifuId}")
    String account(@PathVariable String huifuId, Model model) {
        AccountView view = registry.view(huifuId)
                .orElseThrow(() -> new NoSuchElementException("no account " + huifuId));
        model.addAttribute("account", view.account());
        model.addAttribute("cards", view.cards());
        return "console/account";
    }
}
