/**
 * The all-in-one launcher behind {@code deploy/local/run}, a development tool: {@link io.payout.local.LocalStack}
 * starts Kafka and PostgreSQL, then the Huifu sandbox and the callback gateway, then the orchestrator, all in this
 * one JVM on their own ports ({@code RunningStack}), prints what runs where ({@code ReadyBanner}) and stops
 * everything cleanly on Ctrl-C. It reads the command line ({@code LaunchOptions}: {@code --demo}, {@code --fresh},
 * {@code --data}, {@code --verbose} and the ports), not a configuration file, and hands each service its
 * {@code sandbox.*}, {@code gateway.*}, {@code orchestrator.*} and {@code spring.*} properties directly. The gateway
 * port must lie in 8000–9005, the only ports Huifu calls.
 * <p>
 * Development keys ({@code DevKeys}) are made once in the data folder and given to the services as {@code file:}
 * references, so no key passes through configuration or logs; {@code PostgresData} puts the database where
 * PostgreSQL, running as {@code nobody} under root, can reach it. {@code --demo N} ({@code Demo}) publishes N
 * requests over every cash type, both account kinds and the sandbox scenarios of {@code DemoAccounts} (normal, a
 * bank failing every payout, an empty account, noisy notifications), follows the outcome and rejection topics
 * ({@code OutcomeTracker}, {@code ProgressBar}) and ends with {@code DemoReport}: every outcome and the paid-out sum
 * checked against the sandbox's ledger, exit status 0 only when all of them match.
 */
package io.payout.local;
