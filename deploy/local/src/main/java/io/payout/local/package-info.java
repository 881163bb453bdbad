/**
 * The all-in-one launcher behind {@code deploy/local/run}, a development tool: {@link io.payout.local.LocalStack}
 * starts Kafka and PostgreSQL, then the Huifu sandbox and the callback gateway, then the orchestrator, all in this
 * one JVM on fixed ports ({@code RunningStack}), prints what runs where ({@code ReadyBanner}) and stops everything
 * cleanly on Ctrl-C. It reads the command line ({@code LaunchOptions}: {@code --demo}, {@code --fresh},
 * {@code --data}, {@code --verbose} and the ports), not a configuration file, and hands each service its
 * {@code sandbox.*}, {@code gateway.*}, {@code orchestrator.*} and {@code spring.*} properties directly. The gateway
 * port must lie in 8000–9005, the only ports Huifu calls.
 * <p>
 * All state lives in the data folder, so a restart, after a crash too, carries on: the broker is Kafka's own KRaft
 * server in-process ({@code LocalKafka}), the database is kept there ({@code PostgresData}), and so are the
 * sandbox's ledger and the development keys ({@code DevKeys}, given to the services as {@code file:} references).
 * A start that cannot succeed says why in one line and exits 1 ({@code CannotStart}): another launcher holds the
 * folder ({@code DataFolderLock}, an OS lock), or a port is taken ({@code PortCheck}, before anything starts).
 * Logging is the launcher's alone ({@code LocalLogging}): Spring's per-JVM logging system is switched off, and each
 * line names its service ({@code ServiceName}, inherited by the threads each service's start creates,
 * {@code Starting}).
 * <p>
 * {@code --demo N} ({@code Demo}) first opens the demo users through {@code account.requests}
 * ({@code DemoOnboarding}), then publishes N requests over every cash type and the cases of {@code DemoCase} (the
 * sandbox merchants of {@code DemoAccounts}: normal, a bank failing every payout, noisy notifications; the users it
 * opened: a second card, an empty account, and the checks before a send), follows the outcome and rejection topics
 * ({@code OutcomeTracker}, {@code ProgressBar}) and ends with
 * {@code DemoReport}: every outcome and the paid-out sum checked against the sandbox's ledger, exit status 0 only
 * when all of them match.
 */
package io.payout.local;
