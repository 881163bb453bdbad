/**
 * The Huifu sandbox as a service: a faithful, fault-injecting simulator of Huifu's withdrawal API (PROTOCOL.md) for
 * development, end-to-end tests, the local stack, the benchmarks and the reliability suite, since the real Huifu
 * cannot be reached. Its ledger is the ground truth tests assert against: in memory, and with {@code sandbox.state-dir}
 * also journaled so that it survives a crash ({@link io.payout.sandbox.state.StateJournal}).
 * <p>
 * {@link io.payout.sandbox.HuifuSandboxApplication} reads {@code huifu-sandbox.yml}, never {@code application.yml},
 * and excludes persistence, Kafka and security auto-configuration, so neighbours' starters do not apply when it
 * shares a JVM. {@link io.payout.sandbox.SandboxServer} starts a sandbox in-process and hands out
 * {@link io.payout.sandbox.SandboxControl}, the Java client of the control API. {@link io.payout.sandbox.SandboxKeys}
 * holds the merchant's public key (verifies requests) and the sandbox's own "Huifu" private key (signs answers and
 * notices), generated when none is configured. {@code SandboxConfiguration} wires the features, each a plain class;
 * {@code MvcOnlyFilters} keeps Boot's filters off the Huifu servlet.
 * <p>
 * Configuration: {@link io.payout.sandbox.SandboxProperties}, prefix {@code sandbox.} ({@code sys-id},
 * {@code product-id}, {@code merchant-public-key} (required), {@code huifu-private-key}, {@code accounting-delay},
 * {@code payout-delay}, {@code time-compression}, {@code holidays}, {@code seed}, {@code no-answer-hold},
 * {@code notify.*}, {@code faults.rates.*}, {@code faults.accounts.<huifu_id>.*}, {@code state-dir},
 * {@code statement.*}), with its defaults in code so that another module's YAML cannot change them. The features
 * depend one way: {@code control}, {@code api}, {@code statement}, {@code lifecycle}, then {@code notify} and
 * {@code ledger}, then {@code behavior}; {@code state} sits beside {@code control}, over {@code statement},
 * {@code lifecycle} and {@code ledger}, which hand it their facts through a plain {@code Consumer}.
 */
package io.payout.sandbox;
