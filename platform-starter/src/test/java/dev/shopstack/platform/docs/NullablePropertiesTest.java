package dev.shopstack.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NullablePropertiesTest {

    @Test
    void aPropertyThatIsNotRequiredMayBeNullAndARequiredOneMayNot() {
        Schema<?> order = new Schema<>()
                .types(Set.of("object"))
                .addProperty("id", new Schema<>().types(Set.of("string")))
                .addProperty("failure", new Schema<>().types(Set.of("string")))
                .addProperty("status", new Schema<>().types(Set.of("string"))._enum(Arrays.asList("PAID", "SHIPPED")))
                .addProperty("refunds", new Schema<>().$ref("#/components/schemas/Refunds"))
                .addProperty("anything", new Schema<>())
                .required(List.of("id"));

        new NullableProperties().customise(new OpenAPI().components(new Components().addSchemas("Order", order)));

        assertThat(order.getProperties().get("id").getTypes()).containsExactly("string");
        assertThat(order.getProperties().get("failure").getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(order.getProperties().get("status").getEnum()).containsExactly("PAID", "SHIPPED", null);
        Schema<?> refunds = order.getProperties().get("refunds");
        assertThat(refunds.getAnyOf()).hasSize(2);
        assertThat(refunds.getAnyOf().get(0).get$ref()).isEqualTo("#/components/schemas/Refunds");
        assertThat(refunds.getAnyOf().get(1).getTypes()).containsExactly("null");
        assertThat(order.getProperties().get("anything").getTypes())
                .as("untyped already allows null")
                .isNull();
    }

    @Test
    void anInlineObjectsOwnPropertiesFollowTheSameRule() {
        Schema<?> address =
                new Schema<>().types(Set.of("object")).addProperty("line2", new Schema<>().types(Set.of("string")));
        Schema<?> order = new Schema<>().types(Set.of("object")).addProperty("address", address);

        new NullableProperties().customise(new OpenAPI().components(new Components().addSchemas("Order", order)));

        assertThat(address.getTypes()).containsExactlyInAnyOrder("object", "null");
        assertThat(address.getProperties().get("line2").getTypes()).containsExactlyInAnyOrder("string", "null");
    }
}
