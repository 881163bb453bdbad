package io.payout.orchestrator.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void rowsBecomeOneArrayPerColumnAfterTheScalars() {
        Columns columns = new Columns(2, 3);
        columns.row("a1", null, "c1");
        columns.row("a2", "b2", null);

        Object[] params = columns.withFirst("now");

        assertThat(params).hasSize(4);
        assertThat(params[0]).isEqualTo("now");
        assertThat((String[]) params[1]).containsExactly("a1", "a2");
        assertThat((String[]) params[2]).containsExactly(null, "b2");
        assertThat((String[]) params[3]).containsExactly("c1", null);
    }

    @Test
    void aRowOfTheWrongWidthOrAMissingRowIsRefused() {
        Columns columns = new Columns(2, 3);
        assertThatThrownBy(() -> columns.row("a", "b")).isInstanceOf(IllegalArgumentException.class);
        columns.row("a", "b", "c");
        assertThatThrownBy(columns::withFirst).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void instantsAreRoundedToTheMicrosecondPostgresqlKeeps() {
        assertThat(Columns.text(Instant.parse("2026-12-05T12:00:00.123456499Z")))
                .isEqualTo("2026-12-05T12:00:00.123456Z");
        assertThat(Columns.text(Instant.parse("2026-12-05T12:00:00.123456500Z")))
                .isEqualTo("2026-12-05T12:00:00.123457Z");
        assertThat(Columns.text(Instant.parse("2026-12-31T23:59:59.999999700Z"))).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(Columns.text(null)).isNull();
    }
}
