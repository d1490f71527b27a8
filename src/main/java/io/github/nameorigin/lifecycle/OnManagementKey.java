package io.github.nameorigin.lifecycle;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a management API key is configured ({@code nameorigin.management.api-key}, or the
 * environment variable {@code NAMEORIGIN_MANAGEMENT_API_KEY}) and is not blank: without one the
 * management endpoints do not exist, so they answer 404 and appear nowhere.
 */
class OnManagementKey implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("nameorigin.management.api-key", String.class)
                .map(key -> !key.isBlank()).orElse(false);
    }
}
