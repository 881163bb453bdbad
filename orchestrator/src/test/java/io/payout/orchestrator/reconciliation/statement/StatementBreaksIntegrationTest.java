package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.testkit.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class StatementBreaksIntegrationTest {

    private static final String DATE = "20261126";

    private StatementBreaks breaks;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestPostgres.freshDatabase().dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        breaks = new StatementBreaks(JdbcClient.create(dataSource),
                Clock.fixed(Instant.parse("2026-11-27T03:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aBreakIsRaisedOnceAndStaysClosedOnceExplained() {
        StatementBreak amount = found(BreakClass.AMOUNT_MISMATCH, "seq-1");

        assertThat(breaks.raise(amount)).isTrue();
        assertThat(breaks.raise(amount)).as("the re-run finds it again").isFalse();
        StoredBreak stored = breaks.of(DATE).get(0);
        assertThat(stored.open()).isTrue();
        assertThat(breaks.open(BreakClass.AMOUNT_MISMATCH)).isEqualTo(1);

        assertThat(breaks.explain(DATE, stored.id(), "ops-anna", "Huifu corrected the amount by phone")).isTrue();
        assertThat(breaks.explain(DATE, stored.id(), "ops-ben", "again")).isFalse();
        assertThat(breaks.raise(amount)).as("a re-run never reopens").isFalse();

        assertThat(breaks.of(DATE)).singleElement().satisfies(b -> {
            assertThat(b.open()).isFalse();
            assertThat(b.explainedBy()).isEqualTo("ops-anna");
            assertThat(b.explanation()).isEqualTo("Huifu corrected the amount by phone");
        });
        assertThat(breaks.open(BreakClass.AMOUNT_MISMATCH)).isZero();
    }

    @Test
    void theSameSerialMayBreakInSeveralClassesAndAnotherDateIsUntouched() {
        breaks.raise(found(BreakClass.AMOUNT_MISMATCH, "seq-1"));
        breaks.raise(found(BreakClass.FEE_MISMATCH, "seq-1"));

        assertThat(breaks.of(DATE)).extracting(b -> b.found().breakClass())
                .containsExactly(BreakClass.AMOUNT_MISMATCH, BreakClass.FEE_MISMATCH);
        long id = breaks.of(DATE).get(0).id();
        assertThat(breaks.explain("20261127", id, "ops-anna", "wrong date")).isFalse();
        assertThat(breaks.of("20261127")).isEmpty();
    }

    private static StatementBreak found(BreakClass breakClass, String serial) {
        return new StatementBreak(DATE, breakClass, "6666000000000001", serial, "w-1", "detail");
    }
}
