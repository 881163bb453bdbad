package io.payout.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final OutboxProperties FAST_TAKEOVER = new OutboxProperties(true, 500, Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(10), 20_000);

    private final OutboxTestDatabase db = new OutboxTestDatabase();
    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void publishesAppendedMessagesInOrderPerKeyWithHeaders() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(3, topic);
        startRelay(OutboxProperties.defaults());

        // 5 withdrawals, 4 transitions each, one transaction per transition (as the core writes them),
        // plus one transaction that appends several at once.
        for (int step = 0; step < 4; step++) {
            for (int w = 0; w < 5; w++) {
                OutboxMessage message = message(topic, "w" + w, step);
                db.inTransaction(outbox -> outbox.append(message));
            }
        }
        db.appendCommitted(IntStream.range(4, 8).mapToObj(step -> message(topic, "w9", step)).toList());

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(topic, seen -> seen.size() >= 24, WAIT);
        assertThat(records).hasSize(24);
        Map<String, List<String>> perKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                LinkedHashMap::new, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        for (int w = 0; w < 5; w++) {
            assertThat(perKey.get("w" + w)).containsExactly(payload("w" + w, 0), payload("w" + w, 1),
                    payload("w" + w, 2), payload("w" + w, 3));
        }
        assertThat(perKey.get("w9")).containsExactly(payload("w9", 4), payload("w9", 5), payload("w9", 6),
                payload("w9", 7));
        ConsumerRecord<String, String> first = records.stream().filter(r -> r.key().equals("w9")).findFirst()
                .orElseThrow();
        assertThat(new String(first.headers().lastHeader("event_id").value(), StandardCharsets.UTF_8))
                .isEqualTo("e-w9-4");
        assertThat(new String(first.headers().lastHeader("status").value(), StandardCharsets.UTF_8))
                .isEqualTo("S4");
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
    }

    @Test
    void publishesAListAppendedAtOnceInListOrder() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        // A list of the size intake and notifications append, several messages per key (as a batch of notices
        // gives a withdrawal two transitions): one partition shows the whole order the ids gave.
        List<OutboxMessage> list = IntStream.range(0, 1_500).mapToObj(i -> message(topic, "w" + (i % 11), i)).toList();
        db.appendCommitted(list);
        startRelay(OutboxProperties.defaults());

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(topic,
                seen -> seen.size() >= list.size(), WAIT);
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(list.stream().map(OutboxMessage::payload).toList());
    }

    @Test
    void publishesNothingOfARolledBackTransaction() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        startRelay(OutboxProperties.defaults());

        db.transactions.executeWithoutResult(status -> {
            db.outbox.append(message(topic, "rolled-back", 0));
            db.outbox.appendAll(List.of(message(topic, "rolled-back", 1), message(topic, "rolled-back", 2)));
            status.setRollbackOnly();
        });
        db.inTransaction(outbox -> outbox.append(message(topic, "committed", 0)));

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(topic,
                seen -> seen.stream().anyMatch(r -> r.key().equals("committed")), WAIT);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("committed");
        // the committed row is sent and deleted; nothing of the rolled-back transaction was ever there to send
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
    }

    @Test
    void onlyOneRelayPublishesAndAnotherTakesOverWhenItStops() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(2, topic);
        List<OutboxRelay> pair = leaderAndStandby(db.sessions);
        OutboxRelay first = pair.get(0);
        OutboxRelay second = pair.get(1);

        for (int i = 0; i < 200; i++) {
            OutboxMessage message = message(topic, "k" + (i % 7), i);
            db.inTransaction(outbox -> outbox.append(message));
        }
        List<ConsumerRecord<String, String>> before = TestKafka.awaitRecords(topic, seen -> seen.size() >= 200,
                WAIT);
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
        assertThat(before).hasSize(200);
        assertThat(second.isLeading()).isFalse();
        assertThat(second.publishedCount()).isZero();
        assertThat(first.publishedCount()).isEqualTo(200);

        first.stop();
        await().atMost(WAIT).until(second::isLeading);
        db.appendCommitted(IntStream.range(200, 260).mapToObj(i -> message(topic, "k" + (i % 7), i)).toList());

        List<ConsumerRecord<String, String>> after = TestKafka.awaitRecords(topic, seen -> seen.size() >= 260,
                WAIT);
        assertThat(after).hasSize(260);
        assertThat(after).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
        assertThat(second.publishedCount()).isEqualTo(60);
        assertThat(first.publishedCount()).isEqualTo(200);
    }

    @Test
    void handsTheRoleOverEvenWhenItsSessionCameFromAPool() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        List<OutboxRelay> pair = leaderAndStandby(db.dataSource);
        OutboxRelay first = pair.get(0);
        OutboxRelay second = pair.get(1);

        first.stop();
        await().atMost(WAIT).until(second::isLeading);
        db.appendCommitted(List.of(message(topic, "k", 0), message(topic, "k", 1)));

        assertThat(TestKafka.awaitRecords(topic, seen -> seen.size() >= 2, WAIT)).extracting(ConsumerRecord::value)
                .containsExactly(payload("k", 0), payload("k", 1));
        assertThat(second.publishedCount()).isEqualTo(2);
    }

    @Test
    void keepsPublishingWhenTheLeadersDatabaseSessionDies() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        List<OutboxRelay> pair = leaderAndStandby(db.sessions);
        OutboxRelay first = pair.get(0);
        OutboxRelay second = pair.get(1);
        db.appendCommitted(List.of(message(topic, "k", 0)));
        TestKafka.awaitRecords(topic, seen -> seen.size() >= 1, WAIT);

        int terminated = db.jdbc.sql("""
                        select count(pg_terminate_backend(pid)) from pg_locks
                        where locktype = 'advisory' and granted
                        """).query(Integer.class).single();
        db.appendCommitted(List.of(message(topic, "k", 1), message(topic, "k", 2)));

        assertThat(terminated).isEqualTo(1);
        assertThat(TestKafka.awaitRecords(topic, seen -> seen.size() >= 3, WAIT)).extracting(ConsumerRecord::value)
                .containsExactly(payload("k", 0), payload("k", 1), payload("k", 2));
        await().atMost(WAIT).until(() -> first.isLeading() ^ second.isLeading());
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
    }

    @Test
    void deletesRowsOnceTheBrokerAcknowledgedThem() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        startRelay(FAST_TAKEOVER);

        db.appendCommitted(List.of(message(topic, "k", 0), message(topic, "k", 1)));

        TestKafka.awaitRecords(topic, seen -> seen.size() >= 2, WAIT);
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
    }

    @Test
    void vacuumsTheOutboxItselfAfterDeletingEnoughRows() {
        String topic = TestKafka.uniqueTopic("outcomes");
        TestKafka.createTopics(1, topic);
        OutboxRelay relay = startRelay(new OutboxProperties(true, 50, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10), 200));

        db.appendCommitted(IntStream.range(0, 1_000).mapToObj(i -> message(topic, "k" + i % 7, i))
                .toList());

        TestKafka.awaitRecords(topic, seen -> seen.size() >= 1_000, WAIT);
        await().atMost(WAIT).until(() -> db.unsentRows() == 0);
        // one per 200 deleted rows (a batch cut short by a commit boundary can push one over the end)
        long vacuums = relay.vacuumCount();
        assertThat(vacuums).isBetween(4L, 5L);
        // PostgreSQL's own count (its statistics arrive within a second or so): the table was vacuumed, not skipped
        await().atMost(WAIT).until(() -> db.jdbc.sql("select vacuum_count from pg_stat_user_tables "
                + "where relname = 'outbox'").query(Long.class).single() == vacuums);
    }

    /** Two relays on the same database: the first holds the role before the second starts. */
    private List<OutboxRelay> leaderAndStandby(javax.sql.DataSource sessions) {
        OutboxRelay first = startRelay(FAST_TAKEOVER, sessions);
        await().atMost(WAIT).until(first::isLeading);
        return List.of(first, startRelay(FAST_TAKEOVER, sessions));
    }

    private OutboxRelay startRelay(OutboxProperties properties) {
        return startRelay(properties, db.sessions);
    }

    private OutboxRelay startRelay(OutboxProperties properties, javax.sql.DataSource sessions) {
        OutboxRelay relay = new OutboxRelay(sessions, List.of(TestKafka.bootstrapServers()), properties);
        relays.add(relay);
        relay.start();
        return relay;
    }

    static OutboxMessage message(String topic, String key, int step) {
        return new OutboxMessage(topic, key, payload(key, step),
                Map.of("event_id", "e-" + key + "-" + step, "status", "S" + step));
    }

    static String payload(String key, int step) {
        return "{\"withdrawal_id\":\"" + key + "\",\"step\":" + step + "}";
    }
}
