package io.payout.model.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of the contract's messages, shipped in this jar so that a producer can validate a
 * record before it publishes it: with {@link #errors(String)} (which needs {@code com.networknt:json-schema-validator}
 * 3.x on the class path: an optional dependency of this jar) or with the validator of its choice.
 * {@code docs/asyncapi.yaml} names them per topic. They are open to fields they do not list: consumers ignore unknown
 * fields (CONTRACT.md §1).
 */
public enum ContractSchemas {
    WITHDRAWAL_REQUESTED("withdrawal-requested.schema.json"),
    WITHDRAWAL_STATUS_CHANGED("withdrawal-status-changed.schema.json"),
    REQUEST_REJECTED("request-rejected.schema.json"),
    HUIFU_NOTIFICATION("huifu-notification.schema.json"),
    ACCOUNT_REQUESTED("account-requested.schema.json"),
    ACCOUNT_REQUEST_REJECTED("account-request-rejected.schema.json"),
    ACCOUNT_CHANGED("account-changed.schema.json");

    private final String file;

    ContractSchemas(String file) {
        this.file = file;
    }

    /** The file's name, as {@code docs/asyncapi.yaml} refers to it. */
    public String file() {
        return file;
    }

    /** The class-path resource: {@code /io/payout/model/schemas/<file>}. */
    public String resource() {
        return "/io/payout/model/schemas/" + file;
    }

    /** What is wrong with {@code json} as this message; empty when it is valid. */
    public List<String> errors(String json) {
        return Compiled.SCHEMAS.get(this).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The compiled schemas, on first use only, so that a user that never validates needs no validator. */
    private static final class Compiled {
        static final Map<ContractSchemas, Schema> SCHEMAS = compile();

        private static Map<ContractSchemas, Schema> compile() {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            Map<ContractSchemas, Schema> schemas = new EnumMap<>(ContractSchemas.class);
            for (ContractSchemas schema : values()) {
                try (InputStream in = schema.open()) {
                    schemas.put(schema, registry.getSchema(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + schema.resource(), e);
                }
            }
            return schemas;
        }
    }

    /** The schema's text; the caller closes the stream. */
    public InputStream open() {
        InputStream in = ContractSchemas.class.getResourceAsStream(resource());
        if (in == null) {
            throw new IllegalStateException(resource() + " is missing from the class path");
        }
        return in;
    }
}
