package dev.argus.frontend.security;

import dev.argus.frontend.FrontendProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The access rules. {@code /api/**} and {@code /vtapi/**} need an API key (bearer header, the
 * VirusTotal-style key where it is accepted, or the web session opened with one) and the role each route names; the web UI's static files, its login page and {@code /actuator/health} are
 * public. Session requests that change something need the CSRF token; bearer requests carry no ambient
 * credential and need none. Every response gets the security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The UI's policy: its own scripts, styles and API only, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI sets inline styles; it gets them, nothing else is relaxed. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String ADMIN = Role.ADMIN.name();
    private static final String ANALYST = Role.ANALYST.name();

    /**
     * No Micrometer observations of the filter chain, authentications and authorizations: with them every
     * request ran each of the chain's filters inside an observation wrapper, for tracing nobody collects here
     * (measured with scripts/bench.sh, docs/performance.md). Request metrics still come from Spring MVC.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpSessionSecurityContextRepository sessionContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    SecurityFilterChain argusSecurity(HttpSecurity http, ApiKeyStore keys, RateLimitProperties rateLimit,
                                      FrontendProperties frontend, HttpSessionSecurityContextRepository contexts,
                                      CookieCsrfTokenRepository csrfTokens, InternalMetricsPort metricsPort,
                                      SessionProperties sessions) {
        ProblemResponses problems = new ProblemResponses();
        ApiKeyAuthenticationFilter apiKeys = new ApiKeyAuthenticationFilter(keys, frontend.retryAfter(),
                sessions.maxLifetime(), problems);
        http.httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new BearerCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                request.getRequestURI().startsWith("/swagger-ui")
                                        ? SWAGGER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY)))
                .addFilterBefore(apiKeys, CsrfFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimit), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error", "/login", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/users").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/users").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/users/*").hasRole(ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/users/*/keys", "/api/v1/keys/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/files/*/download").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/files/*").hasRole(ADMIN)
                        .requestMatchers("/api/v1/files/*/legal-hold").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/files/*/label").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.POST, "/api/v1/labels").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.POST, "/api/v1/models").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/models/*/adopt").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/overrides").authenticated()
                        .requestMatchers("/api/v1/overrides", "/api/v1/overrides/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/models/**", "/api/v1/stats/**").authenticated()
                        .requestMatchers("/api/v1/scans", "/api/v1/scans/**").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/v1/files", "/api/v1/files/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/probes", "/api/v1/probes/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v3/files", "/api/v3/files/upload",
                                "/api/v3/files/*/analyse").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/v3/files/upload_url").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers("/api/v3/analyses/**").hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(HttpMethod.POST, "/vtapi/v2/file/scan", "/vtapi/v2/file/rescan")
                        .hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers("/api/**", "/vtapi/**").authenticated()
                        .requestMatchers(request -> metricsPort.opens(request)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * CSRF matters only where the browser adds a credential by itself: an unsafe request without an
     * Authorization header that is authenticated by its session, and the login and logout forms. An
     * unauthenticated API request is answered 401 instead (it has nothing to forge).
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || ApiKeyAuthenticationFilter.hasAuthorizationHeader(request)) {
            return false;
        }
        String path = request.getRequestURI();
        return Callers.currentOrNull() != null || !(path.startsWith("/api/") || path.startsWith("/vtapi/"));
    }
}
