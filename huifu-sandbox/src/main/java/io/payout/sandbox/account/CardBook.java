package io.payout.sandbox.account;

import static io.payout.sandbox.account.AccountFields.digits;

import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.Ledger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The withdrawal cards of users and merchants as the detail queries list them: the ledger's cards (which withdrawals
 * name by token_no), with what the paths learned of each (type, region, default). A new card number gets a new
 * token_no; binding the same number again changes nothing (A5, simulator's choice).
 */
public final class CardBook {

    private static final Logger log = LoggerFactory.getLogger(CardBook.class);

    private final Ledger ledger;
    private final Consumer<AccountFact> journal;
    private final Map<String, List<BoundCard>> cards = new HashMap<>();

    public CardBook(Ledger ledger, Consumer<AccountFact> journal) {
        this.ledger = ledger;
        this.journal = journal;
    }

    /** The card {@code info} (a card_info) would be for {@code huifuId}, its token_no stable for the number. */
    synchronized BoundCard card(String huifuId, Map<String, String> info) {
        String tokenNo = digits("token", huifuId + "/" + info.get("card_no"), 11);
        boolean firstCard = list(huifuId).isEmpty();
        return new BoundCard(huifuId, tokenNo, info.get("card_type"), info.get("card_name"), info.get("card_no"),
                info.get("prov_id"), info.get("area_id"), info.get("branch_code"), info.get("cert_type"),
                info.get("cert_no"), info.get("mp"),
                info.getOrDefault("is_settle_default", firstCard ? "Y" : "N"));
    }

    synchronized void bind(BoundCard card) {
        journal.accept(new AccountFact.CardRecorded(card));
        record(card);
        if (ledger.account(card.huifuId()).map(account -> account.cards().stream()
                .noneMatch(known -> known.tokenNo().equals(card.tokenNo()))).orElse(false)) {
            ledger.addCard(card.huifuId(), new CardSpec(card.tokenNo(), card.cardNo(), card.cardName(),
                    card.certNo()));
        }
        log.info("card bound huifu_id={} token_no={} card_type={}", card.huifuId(), card.tokenNo(),
                card.cardType());
    }

    synchronized boolean has(String huifuId, String tokenNo) {
        return list(huifuId).stream().anyMatch(card -> card.tokenNo().equals(tokenNo));
    }

    /**
     * Every card of the account: those bound through the paths, then those the control API put in the ledger
     * (type 1 when they name a certificate, else 0), each listed once.
     */
    synchronized List<BoundCard> cards(String huifuId) {
        List<BoundCard> all = new ArrayList<>(list(huifuId));
        ledger.account(huifuId).ifPresent(account -> account.cards().stream()
                .filter(spec -> all.stream().noneMatch(card -> card.tokenNo().equals(spec.tokenNo())))
                .forEach(spec -> all.add(new BoundCard(huifuId, spec.tokenNo(), spec.certNo() == null ? "0" : "1",
                        spec.cardName(), spec.cardNo(), null, null, null, spec.certNo() == null ? null : "00",
                        spec.certNo(), null, all.isEmpty() ? "Y" : "N"))));
        return all;
    }

    public synchronized void replay(AccountFact fact) {
        if (fact instanceof AccountFact.CardRecorded recorded) {
            record(recorded.card());
        }
    }

    private void record(BoundCard card) {
        List<BoundCard> list = cards.computeIfAbsent(card.huifuId(), id -> new ArrayList<>());
        list.removeIf(known -> known.tokenNo().equals(card.tokenNo()));
        list.add(card);
    }

    private List<BoundCard> list(String huifuId) {
        return cards.getOrDefault(huifuId, List.of());
    }
}
