package io.payout.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers of the account paths against golden JSON written from ACCOUNTS.md's tables (field names). */
final class GoldenAnswers {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenAnswers() {
    }

    /**
     * The answer is signed and has exactly the golden file's fields; each nested JSON string is of the golden kind
     * (object or list) and its items have exactly the golden item's fields.
     */
    static void assertGolden(String file, Merchant.Reply reply) {
        assertThat(reply.data()).as("signed answer: " + reply.body()).isNotNull();
        JsonNode golden = golden(file);
        assertThat(reply.data().keySet()).containsExactlyInAnyOrderElementsOf(names(golden));
        for (String field : names(golden)) {
            JsonNode shape = golden.get(field);
            if (shape.isObject() || shape.isArray()) {
                JsonNode actual = JSON.readTree(reply.field(field));
                assertThat(actual.isArray()).as(field).isEqualTo(shape.isArray());
                if (shape.isArray() && shape.isEmpty()) {
                    // ACCOUNTS.md names the list, not its items: the sandbox answers it empty.
                    assertThat(actual.isEmpty()).as(field).isTrue();
                    continue;
                }
                JsonNode item = shape.isArray() ? shape.get(0) : shape;
                JsonNode actualItem = actual.isArray() ? actual.get(0) : actual;
                assertThat(actualItem).as(field + " has an item").isNotNull();
                assertThat(names(actualItem)).as(field).containsExactlyInAnyOrderElementsOf(names(item));
            }
        }
    }

    static Set<String> names(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    static JsonNode golden(String file) {
        try (InputStream in = GoldenAnswers.class.getResourceAsStream("/golden/accounts/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> list(Merchant.Reply reply, String field) {
        assertThat(reply.field(field)).as(reply.body()).isNotNull();
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(reply.field(field)).forEach(items::add);
        return items;
    }

}
