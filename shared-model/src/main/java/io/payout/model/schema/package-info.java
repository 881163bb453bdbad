/**
 * The contract's messages as JSON Schemas ({@code ContractSchemas}), for producers and consumers that validate on
 * their side; {@code docs/asyncapi.yaml} describes the topics they travel on.
 */
package io.payout.model.schema;
