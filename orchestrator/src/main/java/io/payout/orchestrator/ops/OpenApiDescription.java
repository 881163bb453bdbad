package io.payout.orchestrator.ops;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI document says of the operations API as a whole. The server is relative, so the
 * document served by any instance equals the checked-in copy in docs/openapi/orchestrator.yaml.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    private static final String BEARER = "operations-token";
    private static final String PROBLEM = "Problem";

    /** The API speaks snake_case JSON (CONTRACT.md section 1); the schemas must name the fields as they travel. */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /** Every operation may answer any 4xx or 5xx, always as a problem (RFC 9457). */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .description("RFC 9457 problem details; no type member means about:blank")
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema().format("uri-reference")));
            ApiResponse problem = new ApiResponse().description("a problem (RFC 9457)").content(new Content()
                    .addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().addApiResponse("4XX", problem).addApiResponse("5XX", problem)));
        };
    }

    @Bean
    OpenAPI operationsApi() {
        return new OpenAPI()
                .info(new Info().title("Payout orchestrator: operations API").version("1")
                        .description("Withdrawals, operator decisions, reconciliation and quarantine (CONTRACT.md "
                                + "section 4). Every error answer is an RFC 9457 problem (application/problem+json)."))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("orchestrator.ops.token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
