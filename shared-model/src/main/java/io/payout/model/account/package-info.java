/**
 * The account side of CONTRACT.md §6 as data: an {@code account.requests} record ({@code AccountRequested}, with its
 * holder, card and cash configuration in Huifu's field names), the parser that checks it
 * ({@code AccountRequestParser}, every error at once, never throwing on bad input), and the rejection's quote of it
 * with personal data masked ({@code MaskedOriginal}). Card numbers, certificate numbers and names are needed only for
 * Huifu's calls: every {@code toString()} here masks them.
 */
package io.payout.model.account;
