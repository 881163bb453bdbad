package io.payout.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.ledger.LedgerFact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps every whole line, forgives the torn last one a crash leaves, and refuses damage elsewhere. */
class StateJournalTest {

    private final FactCodec codec = new FactCodec();

    @TempDir
    Path dir;

    @Test
    void ignoresAnUnterminatedLastLine() throws IOException {
        String whole = codec.encode(credit("10.00"));
        String torn = codec.encode(credit("20.00")).substring(0, 17);

        JournalReader.Contents<Object> read = read(whole + "\n" + torn);

        assertThat(read.facts()).containsExactly(credit("10.00"));
        assertThat(read.intactBytes()).isEqualTo(whole.length() + 1);
        assertThat(read.ignoredTail()).isEqualTo(torn);
    }

    @Test
    void ignoresAnUnreadableLastLineEvenWhenTerminated() throws IOException {
        String whole = codec.encode(credit("10.00"));

        JournalReader.Contents<Object> read = read(whole + "\n{\"fact\":\"Credi\n");

        assertThat(read.facts()).containsExactly(credit("10.00"));
        assertThat(read.intactBytes()).isEqualTo(whole.length() + 1);
    }

    @Test
    void refusesAnUnreadableLineWithLinesAfterIt() {
        String whole = codec.encode(credit("10.00"));

        assertThatThrownBy(() -> read(whole + "\n{garbage\n" + whole + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void cutsOffTheTornLineSoThatLaterFactsStartOnALineOfTheirOwn() throws IOException {
        AccountSpec spec = AccountSpec.standard("66660009000001", "100.00", "T1");
        try (StateJournal journal = StateJournal.open(dir)) {
            journal.ledgerFacts().accept(new LedgerFact.AccountCreated(spec));
            journal.ledgerFacts().accept(new LedgerFact.Credited(spec.huifuId(), Amount.parse("5.00"), false));
        }
        Path file = dir.resolve(StateJournal.JOURNAL_FILE);
        Files.writeString(file, "{\"fact\":\"Credited\",\"data\":{\"huifuId\":\"6666", StandardOpenOption.APPEND);

        try (StateJournal reopened = StateJournal.open(dir)) {
            reopened.ledgerFacts().accept(new LedgerFact.Credited(spec.huifuId(), Amount.parse("7.00"), true));
        }
        Ledger ledger = new Ledger();
        JournalReader.read(file, codec::decode).facts().forEach(fact -> ledger.replay((LedgerFact) fact));

        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(ledger.account(spec.huifuId()).orElseThrow().balance()).isEqualTo(Amount.parse("105.00"));
        assertThat(ledger.account(spec.huifuId()).orElseThrow().todayCredits()).isEqualTo(Amount.parse("7.00"));
        assertThat(ledger.totals().moneyIn()).isEqualTo(Amount.parse("112.00"));
    }

    @Test
    void aSecondSandboxCannotOpenAFolderInUse() {
        try (StateJournal first = StateJournal.open(dir)) {
            assertThatThrownBy(() -> StateJournal.open(dir)).hasMessageContaining("in use");
        }
    }

    @Test
    void roundTripsEveryKindOfAccountFact() {
        AccountSpec spec = AccountSpec.standard("66660009000002", "100.00", "T2").withTodayCredits("3.00");
        List<LedgerFact> facts = List.of(new LedgerFact.AccountCreated(spec),
                new LedgerFact.CardAdded(spec.huifuId(), spec.cards().get(0)),
                new LedgerFact.CashConfigSet(spec.huifuId(), spec.cashConfig()),
                new LedgerFact.Credited(spec.huifuId(), Amount.parse("1.00"), true));

        assertThat(facts).allSatisfy(fact -> assertThat(codec.decode(codec.encode(fact))).isEqualTo(fact));
    }

    private JournalReader.Contents<Object> read(String text) throws IOException {
        return JournalReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), codec::decode);
    }

    private static LedgerFact credit(String amount) {
        return new LedgerFact.Credited("66660009000001", Amount.parse(amount), false);
    }
}
