package io.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputDipTest {

    @Test
    void theRateBeforeIsTheMedianOfTheSteadySecondsBeforeTheFaultLeavingTheFillOut() {
        // seconds 0 and 1 fill the pipeline; 2..5 are steady; the fault comes at 6.4 s
        long[] perSecond = {10, 90, 200, 210, 190, 205, 150, 40, 0, 120, 195, 200, 60};
        ThroughputDip dip = ThroughputDip.of(perSecond, 6.4);
        assertThat(dip.before()).isEqualTo(202.5);
        assertThat(dip.lowest()).isZero();
        assertThat(dip.lowestSecond()).isEqualTo(8);
        // second 10 (195 >= 0.9 * 202.5) is the first back: 10 - 6.4 s after the fault; 7, 8 and 9 below
        assertThat(dip.recoverySeconds()).isCloseTo(3.6, within(1e-9));
        assertThat(dip.secondsBelow()).isEqualTo(3);
    }

    @Test
    void aFaultThatCostsNothingRecoversWithinTheRestOfItsSecond() {
        long[] perSecond = {50, 100, 100, 100, 100, 100, 100, 100, 30};
        ThroughputDip dip = ThroughputDip.of(perSecond, 4.75);
        assertThat(dip.before()).isEqualTo(100.0);
        assertThat(dip.recoverySeconds()).isCloseTo(0.25, within(1e-9));
        assertThat(dip.secondsBelow()).isZero();
        // the burst's last, partial second is no dip
        assertThat(dip.lowest()).isEqualTo(100);
    }

    @Test
    void aBurstThatDrainsBeforeTheRateIsBackHasNoRecoveryTime() {
        long[] perSecond = {50, 100, 100, 100, 100, 20, 30, 40, 10};
        ThroughputDip dip = ThroughputDip.of(perSecond, 4.5);
        assertThat(dip.recoverySeconds()).isNaN();
        assertThat(dip.secondsBelow()).isEqualTo(3);
        assertThat(dip.lowest()).isEqualTo(20);
    }

    @Test
    void tooFewSecondsBeforeTheFaultGiveNoRateToCompareWith() {
        ThroughputDip dip = ThroughputDip.of(new long[] {10, 80, 90, 100}, 1.5);
        assertThat(dip.before()).isNaN();
        assertThat(dip.recoverySeconds()).isNaN();
    }
}
