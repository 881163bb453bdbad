package io.payout.gateway;

import jakarta.servlet.Filter;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Spring Boot maps its servlet filters to every path. They serve Spring MVC, which here means the actuator
 * endpoints, and do nothing for the notify servlet: it reads and decodes its own form (so a forced request
 * encoding is moot), needs no request context, and records its own request metric ({@code gateway.notify.requests})
 * in place of the {@code http.server.requests} observation. On the notify path they would only cost CPU, so every
 * filter registration without an explicit mapping is confined to the DispatcherServlet. A filter that is meant
 * for the notify path too must name its URL patterns. (Spring MVC's form-content filter is switched off in
 * {@code callback-gateway.yml}: it only reads PUT, PATCH and DELETE forms, of which the gateway has none.)
 */
@Configuration(proxyBeanMethods = false)
class DispatcherServletFilters {

    private static final Set<String> DISPATCHER =
            Set.of(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME);

    /**
     * Boot registers plain filter beans itself, at "/*"; a registration of our own for the same bean replaces it.
     * Under the same condition as Boot's encoding filter, so switching that filter off still starts the gateway.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "spring.servlet.encoding.enabled", matchIfMissing = true)
    FilterRegistrationBean<CharacterEncodingFilter> characterEncodingFilterRegistration(
            CharacterEncodingFilter filter) {
        return registration(filter);
    }

    /** Boot steps back from its own request-context filter when a registration of one exists. */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterRegistration() {
        return registration(new OrderedRequestContextFilter());
    }

    /** Registrations that leave their mapping to the default ("/*"), Boot's own included, go to the dispatcher. */
    @Bean
    static BeanPostProcessor filtersOnTheDispatcherServletOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getUrlPatterns().isEmpty() && registration.getServletNames().isEmpty()
                        && registration.getServletRegistrationBeans().isEmpty()) {
                    registration.setServletNames(DISPATCHER);
                }
                return bean;
            }
        };
    }

    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        // The order Boot would have given it, so the filters keep their relative places.
        registration.setOrder(filter instanceof Ordered ordered ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
