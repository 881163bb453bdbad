package io.payout.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request records that break CONTRACT.md §1, each by construction (no filter through the product's own parser):
 * random bytes, truncated JSON, wrong types, huge strings, invalid UTF-8, zero, negative and over-precise amounts,
 * bad enums and ids, and other shapes that are not a request object. Every one must come back on the rejections topic
 * with a reason; the suite finds it there by its {@code original} (the value as text, or Base64 when not UTF-8).
 */
public final class FuzzedRequests {

    /** One bad record: what kind of bad, its key (null for some) and value, and the rejection's expected original. */
    public record Fuzzed(String kind, String key, byte[] value) {
        String expectedOriginal() {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
            } catch (CharacterCodingException e) {
                return Base64.getEncoder().encodeToString(value);
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] BAD_AMOUNTS = {"0.00", "-10.00", "10.001", "10.0", "10", "1e3", "010.00", "",
            " 10.00", "10.00 ", "１０.００", "NaN", "100000000000.00", "0.001", "-0.00", "0.0", "+10.00", "10,00",
            "99999999999.999", "-0.01"};
    private static final String[] REQUIRED = {"withdrawal_id", "huifu_id", "account_kind", "token_no", "cash_amt",
            "into_acct_date_type"};
    /** Sizes of the huge strings, in characters; the largest (~0.9 MB as JSON) stays under the 1 MB record limit. */
    private static final int[] HUGE = {5_000, 70_000, 300_000, 450_000};
    /** Letters with the characters JSON must escape (quotes, backslashes, control characters) and some CJK. */
    private static final String MIXED = "abcdefghijklmnopqrstuvwxyz0123456789\"\\\u0001\t\n斗拱";
    private static final int KINDS = 9;

    private final Random random;

    FuzzedRequests(long seed) {
        this.random = new Random(seed);
    }

    List<Fuzzed> make(int count) {
        List<Fuzzed> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(switch (i % KINDS) {
                case 0 -> new Fuzzed("random bytes", key(i), randomBytes(1 + random.nextInt(300)));
                case 1 -> truncated(i);
                case 2 -> wrongType(i);
                case 3 -> huge(i);
                case 4 -> invalidUtf8(i);
                case 5 -> badAmount(i);
                case 6 -> badField(i);
                case 7 -> notAnObject(i);
                default -> missingField(i);
            });
        }
        return out;
    }

    /** A request that would be valid: the base every structured case breaks in one place. */
    private Map<String, Object> base(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("withdrawal_id", "fz-" + i);
        m.put("huifu_id", "6666000130000000");
        m.put("account_kind", "MERCHANT");
        m.put("token_no", "TK100000");
        m.put("cash_amt", "100.00");
        m.put("into_acct_date_type", "D0");
        m.put("remark", "fuzz " + i);
        return m;
    }

    private Fuzzed truncated(int i) {
        byte[] whole = json(base(i));
        // any proper prefix of a JSON object (compact, no trailing space) is not JSON
        int cut = 1 + random.nextInt(whole.length - 1);
        return new Fuzzed("truncated JSON", key(i), Arrays.copyOf(whole, cut));
    }

    private Fuzzed wrongType(int i) {
        Map<String, Object> m = base(i);
        String field = REQUIRED[random.nextInt(REQUIRED.length)];
        Object[] wrong = {12345, 100.00, true, List.of("100.00"), Map.of("value", "100.00")};
        m.put(field, wrong[random.nextInt(wrong.length)]);
        return new Fuzzed("wrong type: " + field, key(i), json(m));
    }

    private Fuzzed huge(int i) {
        int size = HUGE[(i / KINDS) % HUGE.length];
        // only a few of the largest: each costs the run a megabyte in the broker and the database
        if (size == HUGE[HUGE.length - 1] && (i / KINDS) % (HUGE.length * 12) != HUGE.length - 1) {
            size = HUGE[1];
        }
        Map<String, Object> m = base(i);
        String[] fields = {"withdrawal_id", "huifu_id", "token_no", "remark", "cash_amt", "acct_id"};
        String field = fields[random.nextInt(fields.length)];
        // the largest are all quotes and backslashes: 2 bytes each in the record, 4 in a rejection quoting it
        m.put(field, size == HUGE[HUGE.length - 1] ? hugeText(size, "\"\\") : hugeText(size, MIXED));
        return new Fuzzed("huge " + field + " (" + size + " chars)", key(i), json(m));
    }

    private String hugeText(int size, String alphabet) {
        StringBuilder out = new StringBuilder(size);
        for (int k = 0; k < size; k++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private Fuzzed invalidUtf8(int i) {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88}};
        byte[] whole = json(base(i));
        String text = new String(whole, StandardCharsets.UTF_8);
        int at = text.indexOf("fuzz ") + 2; // inside the remark's string value
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(whole, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(whole, at, whole.length - at);
        return new Fuzzed("invalid UTF-8", key(i), out.toByteArray());
    }

    private Fuzzed badAmount(int i) {
        Map<String, Object> m = base(i);
        String amount = BAD_AMOUNTS[(i / KINDS) % BAD_AMOUNTS.length];
        m.put("cash_amt", amount);
        return new Fuzzed("amount \"" + amount + "\"", key(i), json(m));
    }

    private Fuzzed badField(int i) {
        Map<String, Object> m = base(i);
        switch ((i / KINDS) % 9) {
            case 0 -> m.put("account_kind", "merchant");
            case 1 -> m.put("into_acct_date_type", "T0");
            case 2 -> m.put("withdrawal_id", "fz " + i + " with spaces");
            case 3 -> m.put("withdrawal_id", "fz-" + i + "-提现");
            case 4 -> m.put("huifu_id", "");
            case 5 -> m.put("token_no", "T".repeat(21));
            case 6 -> m.put("requested_at", "yesterday " + i);
            case 7 -> m.put("remark", "r".repeat(101) + i);
            default -> m.put("acct_id", "A".repeat(33) + i);
        }
        return new Fuzzed("bad field", key(i), json(m));
    }

    private Fuzzed notAnObject(int i) {
        String[] shapes = {"[" + new String(json(base(i)), StandardCharsets.UTF_8) + "]", "\"fz-" + i + "\"",
                Integer.toString(i), "null " + " ".repeat(i % 7), "{}" + " ".repeat(i % 5),
                "{\"withdrawal_id\":\"fz-" + i + "\",\"withdrawal_id\":\"fz-" + i + "b\"}",
                "{\"request\":" + new String(json(base(i)), StandardCharsets.UTF_8) + "}", "true", " \n\t".repeat(1 + i % 3),
                new String(json(base(i)), StandardCharsets.UTF_8) + " trailing " + i};
        return new Fuzzed("not a request object", i % 2 == 0 ? null : key(i),
                shapes[(i / KINDS) % shapes.length].getBytes(StandardCharsets.UTF_8));
    }

    private Fuzzed missingField(int i) {
        Map<String, Object> m = base(i);
        String field = REQUIRED[(i / KINDS) % REQUIRED.length];
        if (random.nextBoolean()) {
            m.remove(field);
        } else {
            m.put(field, null);
        }
        return new Fuzzed("missing " + field, key(i), json(m));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String key(int i) {
        return i % 3 == 0 ? null : "fz-" + i;
    }

    private static byte[] json(Map<String, Object> m) {
        return JSON.writeValueAsBytes(m);
    }
}
