package io.payout.bench;

import java.util.Arrays;

/**
 * What a fault did to a rate series (events per whole second from the burst's start): the rate before it, the lowest
 * second after it, and how long after it the rate was back. Pure arithmetic, so it is tested.
 *
 * @param before          the median of the whole seconds before the fault's second, the first {@link #FILL_SECONDS}
 *                        left out (the pipeline filling); NaN when there are none
 * @param lowest          the fewest events in a second from the fault's second on (the last, partial second left out)
 * @param lowestSecond    that second, counted from the start
 * @param recoverySeconds from the fault to the start of the first whole second after the fault's own second with at
 *                        least {@link #RECOVERED} of {@code before} (so to within a second, and at least the rest of
 *                        the fault's second); NaN when the series ended first (the burst drained while still low)
 * @param secondsBelow    whole seconds after the fault's own second, until then, that were below it
 */
record ThroughputDip(double before, long lowest, int lowestSecond, double recoverySeconds, int secondsBelow) {

    static final int FILL_SECONDS = 2;
    static final double RECOVERED = 0.9;

    static ThroughputDip of(long[] perSecond, double faultSecond) {
        int fault = (int) Math.floor(faultSecond);
        long[] steady = fault > FILL_SECONDS && fault <= perSecond.length
                ? Arrays.copyOfRange(perSecond, FILL_SECONDS, fault) : new long[0];
        double before = steady.length == 0 ? Double.NaN : median(steady);
        // the last second is partial (the burst's end): not a dip
        int last = perSecond.length - 1;
        long lowest = Long.MAX_VALUE;
        int lowestSecond = -1;
        for (int s = Math.max(0, fault); s < last; s++) {
            if (perSecond[s] < lowest) {
                lowest = perSecond[s];
                lowestSecond = s;
            }
        }
        if (lowestSecond < 0) {
            lowest = 0;
        }
        // from the first whole second after the fault's: the fault's own second is partly before it
        double recovery = Double.NaN;
        int below = 0;
        if (!Double.isNaN(before)) {
            for (int s = fault + 1; s < last; s++) {
                if (perSecond[s] >= RECOVERED * before) {
                    recovery = s - faultSecond;
                    break;
                }
                below++;
            }
        }
        return new ThroughputDip(before, lowest, lowestSecond, recovery, below);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
