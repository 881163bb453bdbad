package io.payout.sandbox.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void sameSeedAndEventGiveTheSameDecisionWhateverTheOrder() {
        Faults one = new Faults(FaultSettings.everyone(42, FaultRates.all(0.3, 0)));
        Faults other = new Faults(FaultSettings.everyone(42, FaultRates.all(0.3, 0)));

        List<Boolean> forwards = IntStream.range(0, 500)
                .mapToObj(i -> one.strikes(Fault.PAYOUT_FAIL, "H", "seq" + i)).toList();
        Boolean[] backwards = new Boolean[500];
        for (int i = 499; i >= 0; i--) {
            backwards[i] = other.strikes(Fault.PAYOUT_FAIL, "H", "seq" + i);
        }

        assertThat(List.of(backwards)).isEqualTo(forwards);
    }

    @Test
    void anotherSeedGivesOtherDecisionsAtTheConfiguredRate() {
        Faults a = new Faults(FaultSettings.everyone(1, FaultRates.all(0.3, 0)));
        Faults b = new Faults(FaultSettings.everyone(2, FaultRates.all(0.3, 0)));

        List<Boolean> fromA = IntStream.range(0, 2000).mapToObj(i -> a.strikes(Fault.NO_ANSWER, "H", "s" + i)).toList();
        List<Boolean> fromB = IntStream.range(0, 2000).mapToObj(i -> b.strikes(Fault.NO_ANSWER, "H", "s" + i)).toList();

        assertThat(fromA).isNotEqualTo(fromB);
        assertThat(fromA.stream().filter(x -> x).count()).isBetween(500L, 700L);
    }

    @Test
    void oneShotStrikesOnceAndOnlyItsAccount() {
        Faults faults = new Faults(FaultSettings.everyone(42, FaultRates.NONE));
        faults.arm(new OneShotFault(Fault.HTTP_502, "H1"));

        assertThat(faults.strikes(Fault.HTTP_502, "H2", "s")).isFalse();
        assertThat(faults.strikes(Fault.HTTP_5XX, "H1", "s")).isFalse();
        assertThat(faults.strikes(Fault.HTTP_502, "H1", "s")).isTrue();
        assertThat(faults.strikes(Fault.HTTP_502, "H1", "s")).isFalse();
    }

    @Test
    void perAccountRatesOverrideTheGlobalOnes() {
        Faults faults = new Faults(new FaultSettings(42L, FaultRates.NONE,
                java.util.Map.of("H1", FaultRates.NONE.withPayoutFail(1))));

        assertThat(faults.strikes(Fault.PAYOUT_FAIL, "H1", "s")).isTrue();
        assertThat(faults.strikes(Fault.PAYOUT_FAIL, "H2", "s")).isFalse();
    }

    @Test
    void clearingKeepsTheSeed() {
        Faults faults = new Faults(FaultSettings.everyone(99, FaultRates.all(1, 10)));
        faults.arm(new OneShotFault(Fault.NO_ANSWER, null));

        faults.clear();

        assertThat(faults.settings().seed()).isEqualTo(99L);
        assertThat(faults.strikes(Fault.NO_ANSWER, "H", "s")).isFalse();
    }
}
