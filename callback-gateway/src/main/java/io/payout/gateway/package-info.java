/**
 * The callback gateway as a service: Huifu's {@code notify_url}, which turns each verified withdrawal notification
 * into a {@code huifu.notifications} event before it acknowledges it. Huifu reports a withdrawal's fate only through
 * these notices and stops after three retries, so an acknowledgement without the broker's would lose a notice for
 * good. The gateway keeps no state: any number of instances run behind a load balancer.
 * <p>
 * {@link io.payout.gateway.CallbackGatewayApplication} reads only its own {@code callback-gateway.yml} and leaves
 * out the DataSource, Flyway and Spring Security auto-configurations, so that in a JVM shared with the sandbox and
 * the orchestrator a neighbour's starter cannot put Huifu's unauthenticated POST behind a login.
 * {@link io.payout.gateway.GatewayServer} starts a gateway in-process for tests, the local stack and benchmarks;
 * {@code DispatcherServletFilters} keeps Boot's servlet filters on Spring MVC (the actuator) and off the notify path.
 * <p>
 * Configuration: {@link io.payout.gateway.GatewayProperties}, prefix {@code gateway.} ({@code huifu-public-key},
 * required; {@code topic}, {@code publish-timeout}, which must stay below Huifu's 5 s; {@code max-body-bytes},
 * {@code allowed-networks}, {@code topic-partitions}, {@code topic-replication}, {@code linger}), checked at
 * start-up; the Kafka connection comes from {@code spring.kafka.*}. The features are {@code callback} (the endpoint),
 * {@code publish} (the broker) and {@code security} (the source allow-list).
 */
package io.payout.gateway;
