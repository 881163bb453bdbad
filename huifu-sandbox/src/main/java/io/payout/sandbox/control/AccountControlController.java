package io.payout.sandbox.control;

import io.payout.model.Masking;
import io.payout.sandbox.account.CardHolders;
import io.payout.sandbox.account.ReviewSettings;
import io.payout.sandbox.account.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Switches of the account paths: who the bank says holds a card number (so a binding can mismatch), and how the
 * reviewer answers 对公非同名 cards (delay, outcome, or never).
 */
@RestController
@RequestMapping("/sandbox")
public class AccountControlController {

    private static final Logger log = LoggerFactory.getLogger(AccountControlController.class);

    private final CardHolders holders;
    private final UserAccounts users;

    public AccountControlController(CardHolders holders, UserAccounts users) {
        this.holders = holders;
        this.users = users;
    }

    @PutMapping("/cards/{cardNo}/holder")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void registerHolder(@PathVariable String cardNo, @RequestBody CardHolders.Holder holder) {
        if (holder.cardName() == null || holder.certNo() == null) {
            throw new IllegalArgumentException("card_name and cert_no are required");
        }
        holders.register(cardNo, holder);
        log.info("card holder registered card_no={}", Masking.tail(cardNo));
    }

    @GetMapping("/account-review")
    public ReviewSettings review() {
        return users.review();
    }

    @PutMapping("/account-review")
    public ReviewSettings setReview(@RequestBody ReviewSettings settings) {
        users.review(settings);
        log.info("account review set {}", settings);
        return settings;
    }
}
