package io.payout.sandbox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A serial reaches the journal with its request's outcome, never alone before it: a sandbox killed in between
 * answered nothing, and after its restart the serial must be free, not a serial that answers 20000000 to a send
 * while no query finds it.
 */
class WithdrawalsTest {

    private static final SerialKey KEY = new SerialKey("6666000100000001", "20261206", "A1");

    private final List<WithdrawalFact> journal = new ArrayList<>();
    private final Withdrawals withdrawals = new Withdrawals(journal::add);

    @Test
    void aClaimIsJournaledWithItsOutcomeNotBefore() {
        assertThat(withdrawals.claim(KEY)).isTrue();
        assertThat(withdrawals.claim(KEY)).as("a repeat while the first is decided").isFalse();

        assertThat(journal).as("nothing answered yet, nothing journaled").isEmpty();
    }

    @Test
    void aPlainErrorKeepsItsSerialAcrossARestart() {
        withdrawals.claim(KEY);
        withdrawals.keepClaim(KEY);

        Withdrawals restarted = new Withdrawals();
        journal.forEach(fact -> restarted.restoreClaim(((WithdrawalFact.SerialClaimed) fact).key()));

        assertThat(journal).containsExactly(new WithdrawalFact.SerialClaimed(KEY));
        assertThat(restarted.claim(KEY)).isFalse();
    }

    @Test
    void aClaimThatIsNeverJournaledIsFreeAfterARestart() {
        withdrawals.claim(KEY);

        Withdrawals restarted = new Withdrawals();

        assertThat(restarted.claim(KEY)).isTrue();
    }

    @Test
    void aJournalThatRefusesLeavesTheSerialFree() {
        Withdrawals refusing = new Withdrawals(fact -> {
            throw new IllegalStateException("disk full");
        });
        refusing.claim(KEY);

        assertThatThrownBy(() -> refusing.keepClaim(KEY)).hasMessage("disk full");
        assertThat(refusing.claim(KEY)).as("the failed request may be retried").isTrue();
    }
}
