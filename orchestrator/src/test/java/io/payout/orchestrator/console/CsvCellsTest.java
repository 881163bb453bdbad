package io.payout.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.cell("+86 10")).isEqualTo("'+86 10");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.cell("payroll = ok")).isEqualTo("payroll = ok");
    }

    @Test
    void quotesWhatHoldsACommaAQuoteOrALineBreakAndLeavesNullEmpty() {
        assertThat(CsvCells.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 12)))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,12\r\n");
        assertThat(CsvCells.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }
}
