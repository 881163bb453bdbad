/**
 * Fault injection, reproducible from a seed. {@link io.payout.sandbox.behavior.Fault} names the faults (a withheld
 * answer, HTTP 500 or 502, rate limiting, a payout that fails and is booked back, a notice dropped, duplicated,
 * reordered, delayed or badly signed); {@link io.payout.sandbox.behavior.FaultRates} says how often each strikes;
 * {@link io.payout.sandbox.behavior.FaultSettings} is the plan: a seed, rates for everyone, and per-{@code huifu_id}
 * rates that replace them for that account; {@link io.payout.sandbox.behavior.OneShotFault} gives a fault to the
 * next matching event.
 * <p>
 * {@link io.payout.sandbox.behavior.Faults} decides: a one-shot wins, otherwise a pure function of (seed, fault,
 * {@code huifu_id}, the event's identity) is compared with the rate. There is no shared random stream, so thread
 * interleaving never changes which withdrawal gets which fault and the same seed replays the same run, which makes
 * a failing fault-storm test repeatable. The initial plan comes from {@code sandbox.seed} and
 * {@code sandbox.faults.*}; the control API changes it at run time. This package depends on no other feature and
 * not on Spring.
 */
package io.payout.sandbox.behavior;
