package io.payout.sandbox.behavior;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a fault strikes. A one-shot switch wins; otherwise the decision is a pure function of
 * (seed, fault, huifu_id, identity of the event) compared with the configured rate. No shared random stream, so
 * thread interleaving never changes which withdrawal gets which fault, and the same seed replays the same run.
 */
public final class Faults {

    private final AtomicReference<FaultSettings> settings;
    private final Queue<OneShotFault> oneShots = new ConcurrentLinkedQueue<>();

    public Faults(FaultSettings initial) {
        this.settings = new AtomicReference<>(initial);
    }

    public FaultSettings settings() {
        return settings.get();
    }

    /** Replaces the plan; a settings object without a seed keeps the current seed. */
    public void set(FaultSettings next) {
        settings.updateAndGet(current -> next.seed() != null ? next
                : new FaultSettings(current.seed(), next.rates(), next.accounts()));
    }

    public void arm(OneShotFault oneShot) {
        oneShots.add(oneShot);
    }

    /** Clears every rate and one-shot switch; the seed stays. */
    public void clear() {
        oneShots.clear();
        settings.updateAndGet(current -> new FaultSettings(current.seed(), FaultRates.NONE, null));
    }

    /** Does {@code fault} strike the event identified by {@code identity} (serial, message type, attempt...)? */
    public boolean strikes(Fault fault, String huifuId, String... identity) {
        return claimOneShot(fault, huifuId) || strikesByRate(fault, huifuId, identity);
    }

    /** As {@link #strikes} but ignoring one-shot switches (which target encashments and their withdrawals). */
    public boolean strikesByRate(Fault fault, String huifuId, String... identity) {
        FaultSettings current = settings.get();
        double rate = current.ratesFor(huifuId).rateOf(fault);
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || unit(current.seed(), fault.name(), huifuId, identity) < rate;
    }

    /** A reproducible number in [0, 1) for secondary choices (911 or 914, how long a delay). */
    public double choice(String what, String huifuId, String... identity) {
        return unit(settings.get().seed(), what, huifuId, identity);
    }

    public long notifyDelayBoundMs(String huifuId) {
        return settings.get().ratesFor(huifuId).notifyDelayMs();
    }

    private boolean claimOneShot(Fault fault, String huifuId) {
        for (Iterator<OneShotFault> it = oneShots.iterator(); it.hasNext(); ) {
            OneShotFault candidate = it.next();
            // remove() on the concurrent queue is the claim: only one caller gets a given one-shot.
            if (candidate.matches(fault, huifuId) && oneShots.remove(candidate)) {
                return true;
            }
        }
        return false;
    }

    static double unit(long seed, String what, String huifuId, String... identity) {
        long h = mix(seed);
        h = mix(h ^ fnv(what));
        h = mix(h ^ fnv(huifuId));
        for (String part : identity) {
            h = mix(h ^ fnv(part));
        }
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long fnv(String text) {
        long x = 0xcbf29ce484222325L;
        if (text == null) {
            return x;
        }
        for (int i = 0; i < text.length(); i++) {
            x ^= text.charAt(i);
            x *= 0x100000001b3L;
        }
        return x;
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
