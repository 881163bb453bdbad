package io.payout.sandbox.api;

import io.payout.sandbox.SandboxKeys;
import io.payout.sandbox.SandboxProperties;
import io.payout.sandbox.account.MerchantAccounts;
import io.payout.sandbox.account.UserAccounts;
import io.payout.sandbox.behavior.Faults;
import io.payout.sandbox.ledger.Ledger;
import io.payout.sandbox.lifecycle.Lifecycle;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.Withdrawals;
import io.payout.sandbox.statement.DownloadLinks;
import io.payout.sandbox.statement.StatementSettings;
import io.payout.sandbox.statement.Statements;
import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link HuifuApiServlet} on exactly Huifu's paths; everything else stays with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class HuifuApiConfiguration {

    @Bean
    ServletRegistrationBean<HuifuApiServlet> huifuApiServlet(SandboxProperties properties, SandboxKeys keys,
            Withdrawals withdrawals, Ledger ledger, Lifecycle lifecycle, SettlementClock settlementClock,
            Statements statements, DownloadLinks links, StatementSettings statementSettings, Faults faults,
            UserAccounts users, MerchantAccounts merchants, SerialLog serials, Clock clock) {
        HuifuApi api = new HuifuApi(properties.sysId(), keys, withdrawals, ledger, lifecycle, settlementClock,
                new StatementHandler(statements, ledger, links, statementSettings), users, merchants, faults,
                serials, clock);
        ServletRegistrationBean<HuifuApiServlet> registration = new ServletRegistrationBean<>(
                new HuifuApiServlet(api, properties.noAnswerHold().toMillis()),
                HuifuApi.PATHS);
        registration.setName("huifuApiServlet");
        // Withheld answers are asynchronous requests (servlet async), held without a thread.
        registration.setAsyncSupported(true);
        // Ready before the first request rather than initialised by it.
        registration.setLoadOnStartup(1);
        return registration;
    }
}
