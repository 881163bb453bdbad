package io.payout.model.schema;

import java.io.InputStream;

/**
 * The JSON Schemas (draft 2020-12) of the contract's messages, shipped in this jar so that a producer can validate a
 * record before it publishes it, with the validator of its choice. {@code docs/asyncapi.yaml} names them per topic.
 * They are open to fields they do not list: consumers ignore unknown fields (CONTRACT.md §1).
 */
public enum ContractSchemas {
    WITHDRAWAL_REQUESTED("withdrawal-requested.schema.json"),
    WITHDRAWAL_STATUS_CHANGED("withdrawal-status-changed.schema.json"),
    REQUEST_REJECTED("request-rejected.schema.json"),
    HUIFU_NOTIFICATION("huifu-notification.schema.json");

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

    /** The schema's text; the caller closes the stream. */
    public InputStream open() {
        InputStream in = ContractSchemas.class.getResourceAsStream(resource());
        if (in == null) {
            throw new IllegalStateException(resource() + " is missing from the class path");
        }
        return in;
    }
}
