package io.payout.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestKitIntegrationTest {

    @Test
    void recordRoundTripsThroughTheRealBroker() {
        String topic = TestKafka.uniqueTopic("smoke");
        TestKafka.createTopics(3, topic);

        TestKafka.send(topic, "w-1", "{\"hello\":\"斗拱/withdrawal\"}");

        var records = TestKafka.awaitRecords(topic, seen -> !seen.isEmpty(), Duration.ofSeconds(30));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("w-1");
            assertThat(record.value()).isEqualTo("{\"hello\":\"斗拱/withdrawal\"}");
        });
        assertThat(TestKafka.topics()).contains(topic);
        assertThat(TestKafka.readAll(topic)).extracting(record -> record.key()).containsExactly("w-1");
    }

    @Test
    void rowRoundTripsThroughTheRealDatabase() throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase();

        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE amounts (id text PRIMARY KEY, cash_amt numeric(14,2) NOT NULL)");
            statement.execute("INSERT INTO amounts VALUES ('w-1', 100.05)");
            try (ResultSet rows = statement.executeQuery("SELECT cash_amt, version() FROM amounts")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("100.05");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void eachTestClassGetsItsOwnDatabase() {
        assertThat(TestPostgres.freshDatabase().jdbcUrl()).isNotEqualTo(TestPostgres.freshDatabase().jdbcUrl());
    }
}
