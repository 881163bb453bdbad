package io.payout.sandbox;

import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the filter registrations Boot maps to every path, above all the {@code http.server.requests} observation,
 * on Spring MVC's DispatcherServlet (the control API and actuator) and off the Huifu servlet: there the
 * observation would cost CPU on every request, on the order of the signature check itself, for a metric of the Huifu
 * paths that nobody reads. A registration that names its own URL patterns or servlets keeps them.
 */
@Configuration(proxyBeanMethods = false)
class MvcOnlyFilters {

    @Bean
    static BeanPostProcessor filterRegistrationsOnTheDispatcherServlet() {
        Set<String> dispatcher = Set.of(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FilterRegistrationBean<?> filter && filter.getUrlPatterns().isEmpty()
                        && filter.getServletNames().isEmpty() && filter.getServletRegistrationBeans().isEmpty()) {
                    filter.setServletNames(dispatcher);
                }
                return bean;
            }
        };
    }
}
