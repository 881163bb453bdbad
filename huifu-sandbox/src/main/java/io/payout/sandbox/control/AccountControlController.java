package io.payout.sandbox.control;

import io.payout.model.Masking;
import io.payout.sandbox.account.CardHolders;
import io.payout.sandbox.account.MerchantAccounts;
import io.payout.sandbox.account.ReviewSettings;
import io.payout.sandbox.account.UserAccounts;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * Switches of the account paths: who the bank says holds a card number (so a binding can mismatch), how the
 * reviewer answers card reviews (delay, outcome, or never), a merchant's SMS code and its mer_stat.
 */
@RestController
@RequestMapping("/sandbox")
public class AccountControlController {

    private static final Logger log = LoggerFactory.getLogger(AccountControlController.class);

    private final CardHolders holders;
    private final UserAccounts users;
    private final MerchantAccounts merchants;

    public AccountControlController(CardHolders holders, UserAccounts users, MerchantAccounts merchants) {
        this.holders = holders;
        this.users = users;
        this.merchants = merchants;
    }

    /** The SMS code last texted to a merchant by {@code sms/send}, as its phone would show it. */
    @GetMapping("/merchants/{huifuId}/sms-code")
    public Map<String, String> smsCode(@PathVariable String huifuId) {
        String code = merchants.lastSmsCode(huifuId);
        if (code == null) {
            throw new NoSuchElementException("no SMS code pending for " + huifuId);
        }
        return Map.of("verify_code", code);
    }

    /** A merchant's {@code mer_stat} in the detail query, e.g. FREEZEWITHDRAWAL. */
    @PutMapping("/merchants/{huifuId}/mer-stat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void merStat(@PathVariable String huifuId, @RequestBody Map<String, String> body) {
        merchants.setMerStat(huifuId, body.get("mer_stat"));
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
