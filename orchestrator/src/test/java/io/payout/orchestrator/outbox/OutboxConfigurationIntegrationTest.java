package io.payout.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.payout.testkit.TestKafka;
import io.payout.testkit.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The Spring wiring: the Outbox joins the caller's transaction and the relay starts with the context. */
class OutboxConfigurationIntegrationTest {

    @Test
    void appendsInsideTheCallersTransactionAndTheRelayPublishes() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        DataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);

        new ApplicationContextRunner()
                .withBean(DataSource.class, () -> dataSource)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(OutboxConfiguration.class)
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "orchestrator.outbox.poll-interval=200ms")
                .run(context -> {
                    Outbox outbox = context.getBean(Outbox.class);
                    TransactionTemplate transactions = new TransactionTemplate(
                            new DataSourceTransactionManager(dataSource));
                    transactions.executeWithoutResult(status -> {
                        outbox.append(new OutboxMessage(topic, "w1", "undone", Map.of()));
                        status.setRollbackOnly();
                    });
                    transactions.executeWithoutResult(status -> outbox.appendAll(List.of(
                            new OutboxMessage(topic, "w1", "first", Map.of("status", "REQUESTED")),
                            new OutboxMessage(topic, "w1", "second", Map.of("status", "PROCESSING")))));

                    List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(topic,
                            seen -> seen.size() >= 2, Duration.ofSeconds(30));
                    assertThat(records).extracting(ConsumerRecord::value).containsExactly("first", "second");
                    assertThat(context.getBean(OutboxRelay.class).isLeading()).isTrue();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("outbox.relay.leading").gauge().value()).isEqualTo(1.0);
                    await().atMost(Duration.ofSeconds(30)).until(() ->
                            meters.get("outbox.relay.published").functionCounter().count() == 2.0);
                });
    }

    @Test
    void relayCanBeSwitchedOff() {
        new ApplicationContextRunner()
                .withBean(DataSource.class, () -> TestPostgres.freshDatabase().dataSource())
                .withUserConfiguration(OutboxConfiguration.class)
                .withPropertyValues("orchestrator.outbox.relay-enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(Outbox.class);
                    assertThat(context).doesNotHaveBean(OutboxRelay.class);
                });
    }
}
