package io.payout.orchestrator.console;

import io.payout.model.Amount;
import io.payout.model.Masking;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the console writes values (templates call it as {@code @consoleFormat}): amounts as {@code ¥1,234.56}, times in
 * Beijing time with the UTC instant for the hover title, card and certificate numbers and names masked as the logs
 * mask them.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String money(Amount amount) {
        return amount == null ? "" : money(amount.value());
    }

    public String money(BigDecimal value) {
        if (value == null) {
            return "";
        }
        // a new format each time: DecimalFormat is not thread-safe
        DecimalFormat yuan = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return yuan.format(value.setScale(2));
    }

    /** Beijing wall-clock time, as finance reads it. */
    public String beijing(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(BEIJING));
    }

    /** The exact instant in UTC, for the title that shows on hover. */
    public String utc(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A card number or token: its last four characters only. */
    public String card(String number) {
        return number == null ? "" : Masking.tail(number);
    }

    /** Free text (a remark, an answer's description, evidence) with card and certificate numbers masked. */
    public String text(String text) {
        return text == null ? "" : Masking.numbersIn(text);
    }

    public String name(String name) {
        return name == null ? "" : Masking.name(name);
    }
}
