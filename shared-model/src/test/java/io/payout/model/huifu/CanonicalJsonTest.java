package io.payout.model.huifu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void matchesTheProtocolsExampleRequestByteForByte() {
        Map<String, Object> data = new HashMap<>();
        data.put("req_date", "20250301");
        data.put("req_seq_id", "W20250301120000123");
        data.put("cash_amt", "100.00");
        data.put("huifu_id", "6666000123456789");
        data.put("into_acct_date_type", "T1");
        data.put("token_no", "10004053462");
        data.put("enchashment_channel", "00");
        data.put("notify_url", "https://mer.example.com/huifu/withdraw");

        assertThat(CanonicalJson.of(data)).isEqualTo(TestKeys.resource("example-canonical.txt"));
    }

    @Test
    void leavesChineseAndSlashesUnescaped() {
        String canonical = CanonicalJson.of(Map.of("remark", "提现/月结", "notify_url", "https://a.b/c"));

        assertThat(canonical).isEqualTo("{\"notify_url\":\"https://a.b/c\",\"remark\":\"提现/月结\"}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        String canonical = CanonicalJson.of(Map.of("remark", "a\"b\\c\nd\u0001"));

        assertThat(canonical).isEqualTo("{\"remark\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }

    @Test
    void dropsNullsAndSortsOnlyTheTopLevel() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", "1");
        nested.put("a", "2");
        Map<String, Object> data = new HashMap<>();
        data.put("b", null);
        data.put("card_info", nested);
        data.put("a", "x");

        assertThat(CanonicalJson.of(data)).isEqualTo("{\"a\":\"x\",\"card_info\":\"{\\\"z\\\":\\\"1\\\",\\\"a\\\":\\\"2\\\"}\"}");
    }

    @Test
    void writesNestedArraysAsJsonStringsAndNumbersPlain() {
        Map<String, Object> data = Map.of("cash_config", List.of(Map.of("cash_type", "D0")),
                "n", new BigDecimal("1.50"));

        assertThat(CanonicalJson.of(data)).isEqualTo("{\"cash_config\":\"[{\\\"cash_type\\\":\\\"D0\\\"}]\",\"n\":1.50}");
    }
}
