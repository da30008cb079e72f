package dev.argus.frontend.vt;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link VtErrorFilter} just before Spring Security, so that its refusals are translated too. */
@Configuration(proxyBeanMethods = false)
class VtConfiguration {

    @Bean
    FilterRegistrationBean<VtErrorFilter> vtErrorFilter() {
        FilterRegistrationBean<VtErrorFilter> registration = new FilterRegistrationBean<>(new VtErrorFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.addUrlPatterns("/api/v3/*", "/vtapi/v2/*", "/error");
        return registration;
    }
}
