package dev.argus.frontend.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the API-key scheme in the OpenAPI document ({@code /v3/api-docs}): every operation needs
 * {@code Authorization: Bearer <key>}; Swagger UI's "Authorize" button takes the key.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Argus API", version = "v1"),
        security = @SecurityRequirement(name = OpenApiSecurity.API_KEY))
@SecurityScheme(name = OpenApiSecurity.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "API key", description = "An Argus API key: POST /api/v1/users/{username}/keys creates one;"
        + " the first admin's comes from argus.security.bootstrap-admin-key or the first start's console")
class OpenApiSecurity {

    static final String API_KEY = "apiKey";
}
