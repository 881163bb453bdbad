/**
 * Getting a verified notification onto {@code huifu.notifications}.
 * {@link io.payout.gateway.publish.NotificationPublisher#publish} returns only once the broker has acknowledged the
 * record, and otherwise throws {@link io.payout.gateway.publish.PublishFailedException} within
 * {@code gateway.publish-timeout}: it is the one place that decides whether Huifu may be told "received". Records
 * are keyed {@code huifu_id:req_seq_id}, so every notice of one withdrawal lands on one partition.
 * <p>
 * {@code PublishConfiguration} builds the producer from {@code spring.kafka.*} (servers, security, SSL) but forces
 * the settings the no-loss promise rests on: idempotence, {@code acks=all}, at most 5 requests in flight, and
 * timeouts derived from {@code gateway.publish-timeout} and {@code gateway.linger}, so no property can weaken them.
 * {@code NotificationTopic} creates the topic when it is missing ({@code gateway.topic}, {@code topic-partitions},
 * {@code topic-replication}); when the broker is unreachable the gateway starts anyway, answers 503 and keeps
 * trying. Metric: {@code gateway.publish.latency{outcome=acked|failed}}. This package knows nothing of the endpoint
 * or the allow-list.
 */
package io.payout.gateway.publish;
