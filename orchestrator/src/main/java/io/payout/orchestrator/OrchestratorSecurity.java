package io.payout.orchestrator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Health and metrics are open (CONTRACT.md §4); everything else needs the operations bearer token
 * ({@code orchestrator.ops.token}). Without a configured token nothing but health and metrics is reachable.
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorSecurity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                "send the operations token as Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, ex) -> problem(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden", "not allowed for this identity")))
                .build();
    }

    /**
     * Security's refusals in the operations API's one error shape (RFC 9457); written here because they happen
     * before any controller or advice runs.
     */
    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
                                String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.getWriter().write(JSON.writeValueAsString(body));
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
