/**
 * The benchmark harness behind {@code deploy/bench/run}. It measures and asserts nothing, so none of it runs as a test.
 *
 * <p>{@link io.payout.bench.Bench} runs the whole-system scenarios: B1 intake ({@code IntakeBench}), B2 notifications
 * ({@code NotificationBench}) and B3 the full lifecycle ({@code LifecycleBench}). They run on {@code Stack}: Kafka and
 * PostgreSQL beside the harness, and each service from its exec jar in a JVM of its own, so that CPU and memory can be
 * read per service from {@code /proc}. Every scenario warms up until the JIT compilers are done ({@code JitCompilers}),
 * because a service runs warm for days and is measured warm. The component benchmarks ({@code GatewayBenchmark},
 * {@code SandboxBenchmark}, {@code OrchestratorBenchmark}, {@code OutboxBenchmark}) each measure one component, so
 * their numbers move only with that component's code.
 *
 * <p>B2's load generator ({@code LoadClient}) runs in the harness JVM on the same cores as the system it measures, so
 * it is one thread over a pool of keep-alive connections, sending open loop: a request's time counts from when it was
 * due, not from when a connection was free, or a slow server would slow its own load and hide its latency.
 */
package io.payout.bench;
