package io.github.nameorigin.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description served at {@code /v3/api-docs} (and drawn by Swagger UI): springdoc
 * builds it from the controllers and records; this adds what it cannot see: the RFC 9457 problem
 * schema every error uses, the 500 any operation may answer, and {@code null} as a value of every
 * property that is not required (records write their null fields as {@code null}). A test
 * (OpenApiContractTests) validates real answers against the result.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The problem-details schema's name under {@code components/schemas}. */
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI nameOriginOpenApi() {
        return new OpenAPI().info(new Info().title("name-origin")
                .description("Predicts the language of origin of a surname. Errors are RFC 9457 problem details "
                        + "(application/problem+json) whose detail says what to fix.")
                .version("1").license(new License().name("Apache-2.0")));
    }

    @Bean
    OpenApiCustomizer problemDetailsAndNulls() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            Components components = openApi.getComponents();
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(OpenApiConfiguration::nullableUnlessRequired);
            }
            components.addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                        operation.getResponses().putIfAbsent("500", internalError())));
            }
        };
    }

    /** Adds {@code null} to the types of every property not listed as required. */
    static void nullableUnlessRequired(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : properties.entrySet()) {
            Schema<?> property = entry.getValue();
            if (property.getItems() != null && property.getItems().getOneOf() != null) {
                // springdoc keeps the element type's reference beside an explicit oneOf, which
                // would demand both; the oneOf is what the annotation means
                property.getItems().set$ref(null);
            }
            if (required.contains(entry.getKey())) {
                continue;
            }
            if (property.get$ref() != null) {
                // a reference cannot take a type beside it: offer the reference or null
                Schema<?> either = new JsonSchema().anyOf(new ArrayList<>(List.of(new JsonSchema().$ref(property.get$ref()),
                        new JsonSchema().types(Set.of("null")))));
                either.setDescription(property.getDescription());
                entry.setValue(either);
            } else if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                Set<String> types = new LinkedHashSet<>(property.getTypes());
                types.add("null");
                property.setTypes(types);
            }
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> problem = new JsonSchema().types(Set.of("object"))
                .description("RFC 9457 problem details; 'detail' says what to fix.");
        problem.addProperty("type", new JsonSchema().types(Set.of("string")).description("URI of the problem type"));
        problem.addProperty("title", new JsonSchema().types(Set.of("string")).description("short summary"));
        problem.addProperty("status", new JsonSchema().types(Set.of("integer")).description("the HTTP status"));
        problem.addProperty("detail", new JsonSchema().types(Set.of("string")).description("what went wrong and how to fix it"));
        problem.addProperty("instance", new JsonSchema().types(Set.of("string")).description("the request path"));
        problem.addProperty("field", new JsonSchema().types(Set.of("string"))
                .description("for an invalid request, the field to fix, such as names[2]"));
        problem.addProperty("modelState", new JsonSchema().types(Set.of("string"))
                .description("for a 503 before the model is ready: LOADING, TRAINING or FAILED"));
        problem.setRequired(List.of("status", "title"));
        return problem;
    }

    private static ApiResponse internalError() {
        Example example = new Example().value(Map.of("title", "Internal Server Error", "status", 500,
                "detail", "The service failed to handle the request. Retry later; if it persists, report the time of the request.",
                "instance", "/predict"));
        return new ApiResponse().description("The service failed; nothing about the request is wrong")
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples("failure", example)));
    }
}
