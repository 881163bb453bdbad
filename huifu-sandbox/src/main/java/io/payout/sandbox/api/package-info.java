/**
 * Huifu's own paths, as Huifu has them: {@code POST /v2/trade/settlement/encashment} (and the legacy
 * {@code enchashment} spelling), {@code /v2/trade/settlement/query} and
 * {@code /v2/trade/settlement/enchashment/dmamt/query}, and the statement's {@code /v2/trade/check/filequery} and
 * {@code /v2/trade/check/replay} ({@code StatementHandler}), and the user and merchant account paths (the
 * {@code account} package's {@code UserAccounts} and {@code MerchantAccounts}), served by a plain servlet ({@code HuifuApiServlet},
 * registered by {@code HuifuApiConfiguration}). {@code HuifuApi} takes each request through the gateway checks of
 * {@code HuifuGateway} (JSON content type, a readable envelope, {@code sandbox.sys-id}, the merchant's signature
 * over the re-canonicalized {@code data}), then the sync faults, then the business: {@code EncashmentHandler}
 * (field rules, the serial taken before any business check so a repeat gets 20000000 and can never create a second
 * withdrawal, the ledger's hold, the lifecycle) or {@code QueryHandler} (settlement query and DM quota). Answers are
 * signed over exactly the bytes emitted ({@code HuifuAnswer}).
 * <p>
 * A NO_ANSWER fault processes the withdrawal and withholds its answer as a pending asynchronous request, holding no
 * thread, until {@code sandbox.no-answer-hold} passes and it becomes a 502: the lost reply a client must not take
 * for a refusal. {@link io.payout.sandbox.api.SerialLog} records every encashment received, accepted or refused
 * ({@link io.payout.sandbox.api.SerialView}), and counts arrivals so that a client's retry is a new, still
 * reproducible, fault decision.
 */
package io.payout.sandbox.api;
