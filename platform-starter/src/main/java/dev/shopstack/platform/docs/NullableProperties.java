package dev.shopstack.platform.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A property that is not required may be null: Jackson writes a field without a value as null, and a request field
 * without {@code @NotNull} accepts one. The documents say so in OpenAPI 3.1 terms (the type gains {@code "null"}, a
 * reference becomes {@code anyOf [reference, null]}), so a client generated from them handles the nulls the services
 * send; the Postman collection checks its journey's answers against these schemas.
 */
final class NullableProperties implements OpenApiCustomizer {

    private static final String NULL = "null";

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().values().forEach(NullableProperties::allowNulls);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allowNulls(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(property, new Schema<>().types(Set.of(NULL))));
        }
        allowNulls(property);
        Set<String> types = property.getTypes();
        if (types == null || types.isEmpty() || types.contains(NULL)) {
            return property;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add(NULL);
        property.setTypes(withNull);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
