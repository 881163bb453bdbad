package io.payout.orchestrator.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own filter chain, ahead of the operations API's bearer-token chain: form sign-in against the
 * configured identities, a session (Spring Session in PostgreSQL), CSRF on every change, every POST for operators
 * only, and a Content-Security-Policy that lets no inline script run.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleProperties console) throws Exception {
        DaoAuthenticationProvider identities = new DaoAuthenticationProvider(identities(console.identities()));
        identities.setPasswordEncoder(new BCryptPasswordEncoder());
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationProvider(identities)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login", "/console/assets/**", "/console/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole(ConsoleProperties.Role.OPERATOR.name())
                        .anyRequest().hasAnyRole(ConsoleProperties.Role.VIEWER.name(),
                                ConsoleProperties.Role.OPERATOR.name()))
                .formLogin(f -> f.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", true).failureUrl("/console/login?error").permitAll())
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signedOut"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                // answered here: an error dispatch to /error would fall to the operations API's chain and read 401
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().write("403 forbidden: not allowed for this identity, or the form expired");
                }))
                .build();
    }

    private static UserDetailsService identities(List<ConsoleProperties.Identity> configured) {
        Map<String, ConsoleProperties.Identity> byName = configured.stream()
                .collect(Collectors.toMap(ConsoleProperties.Identity::name, Function.identity()));
        return name -> {
            ConsoleProperties.Identity identity = byName.get(name);
            if (identity == null) {
                throw new UsernameNotFoundException("no console identity");
            }
            return User.withUsername(identity.name()).password(identity.passwordHash())
                    .authorities(new SimpleGrantedAuthority("ROLE_" + identity.role().name())).build();
        };
    }
}
