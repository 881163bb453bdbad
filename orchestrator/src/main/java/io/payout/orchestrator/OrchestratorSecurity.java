package io.payout.orchestrator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health and metrics are open (CONTRACT.md §4); everything else needs the operations bearer token
 * ({@code orchestrator.ops.token}). Without a configured token nothing but health and metrics is reachable.
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorSecurity {

    @Bean
    SecurityFilterChain orchestratorFilterChain(HttpSecurity http, OpsProperties ops)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerToken(ops.token()), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        response.sendError(HttpServletResponse.SC_UNAUTHORIZED)))
                .build();
    }

    /** Authenticates a request whose {@code Authorization: Bearer} matches the configured token. */
    private static final class BearerToken extends OncePerRequestFilter {
        private final byte[] expected;

        BearerToken(String token) {
            this.expected = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (expected != null && header != null && header.startsWith("Bearer ")) {
                byte[] given = header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
                // constant-time comparison: the token must not leak through response timing
                if (MessageDigest.isEqual(expected, given)) {
                    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                            "operator", null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
