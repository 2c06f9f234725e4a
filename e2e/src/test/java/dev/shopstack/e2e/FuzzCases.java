package dev.shopstack.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile requests generated from a service's OpenAPI document: for every operation, boundary and malformed path
 * and query values, and bodies that start from a schema-valid sample and break it one field at a time (null, wrong
 * type, huge, missing, extra), plus bodies that are not JSON at all.
 */
final class FuzzCases {

    /** One request to send. {@code body} null means no body; {@code contentType} null means no header. */
    record Case(String method, String path, byte[] body, String contentType) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> PATH_VALUES = List.of(
            "1",
            "0",
            "-1",
            "99999999999999999999",
            "abc",
            "1.5",
            UUID.randomUUID().toString(),
            "%25",
            "%00",
            "..%2F..%2Fetc%2Fpasswd",
            "%C3%28",
            "x".repeat(3000),
            "%27%20OR%201%3D1--",
            "null",
            "%F0%9F%98%80");

    static final List<String> QUERY_VALUES = List.of(
            "",
            "-1",
            "0",
            "2147483648",
            "99999999999999999999",
            "abc",
            "1e309",
            "%00",
            "%C3%28",
            "2026-13-45",
            "true",
            "a".repeat(5000),
            "%27%3B--",
            "NaN",
            "%5B%5D",
            "%20",
            "-0",
            "1,2",
            "%2B1",
            "%E2%80%AE",
            "%25",
            "a".repeat(9000));

    private static final List<JsonNode> WRONG_VALUES = List.of(
            JSON.getNodeFactory().nullNode(),
            JSON.getNodeFactory().stringNode("x".repeat(100_000)),
            JSON.getNodeFactory().stringNode(""),
            JSON.getNodeFactory().stringNode("<script>alert(1)</script>\u0000𝕏"),
            JSON.getNodeFactory().numberNode(-1),
            JSON.getNodeFactory().numberNode(0),
            JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")),
            JSON.getNodeFactory().numberNode(Long.MAX_VALUE),
            JSON.getNodeFactory().booleanNode(true),
            JSON.createArrayNode().add("x"),
            JSON.createObjectNode().put("$ne", 1),
            JSON.getNodeFactory().stringNode("2026-02-30T25:61:00Z"),
            JSON.getNodeFactory().numberNode(new java.math.BigDecimal("-9223372036854775809")),
            JSON.getNodeFactory().numberNode(new java.math.BigDecimal("0.0000000000000000001")),
            JSON.getNodeFactory().stringNode("\u202Egnp.exe 😀"),
            JSON.createArrayNode());

    private final JsonNode document;

    FuzzCases(JsonNode document) {
        this.document = document;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                cases.addAll(forOperation(method, path.getKey(), operation.getValue()));
            }
        }
        return cases;
    }

    private List<Case> forOperation(String method, String template, JsonNode operation) {
        List<Case> cases = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asString())) {
                query.add(p);
            }
        });
        byte[] validBody = null;
        JsonNode bodySchema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (!bodySchema.isMissingNode()) {
            validBody = JSON.writeValueAsBytes(sample(bodySchema, 0));
        }
        String contentType = validBody == null ? null : "application/json";
        String validPath = template.replaceAll("\\{[^}]+}", "1");

        for (String value : PATH_VALUES) {
            if (template.contains("{")) {
                cases.add(new Case(method, template.replaceAll("\\{[^}]+}", value), validBody, contentType));
            }
        }
        for (JsonNode parameter : query) {
            String name = parameter.path("name").asString();
            for (String value : QUERY_VALUES) {
                cases.add(new Case(method, validPath + "?" + name + "=" + value, validBody, contentType));
            }
        }
        cases.add(new Case(method, validPath + "?unknown=1&page=-5&size=100000&sort=%27", validBody, contentType));

        if (validBody != null) {
            cases.add(new Case(method, validPath, validBody, contentType));
            JsonNode valid = JSON.readTree(validBody);
            if (valid instanceof ObjectNode object) {
                for (Iterator<String> fields = object.propertyNames().iterator(); fields.hasNext(); ) {
                    String field = fields.next();
                    ObjectNode without = object.deepCopy();
                    without.remove(field);
                    cases.add(json(method, validPath, without));
                    for (JsonNode wrong : WRONG_VALUES) {
                        ObjectNode broken = object.deepCopy();
                        broken.set(field, wrong);
                        cases.add(json(method, validPath, broken));
                    }
                }
                ObjectNode extra = object.deepCopy();
                extra.put("roles", "ADMIN")
                        .put("id", 1)
                        .put("userId", UUID.randomUUID().toString());
                cases.add(json(method, validPath, extra));
            }
            for (byte[] garbage : garbageBodies()) {
                cases.add(new Case(method, validPath, garbage, "application/json"));
            }
            cases.add(new Case(method, validPath, validBody, "text/plain"));
            cases.add(new Case(method, validPath, "<a>1</a>".getBytes(StandardCharsets.UTF_8), "application/xml"));
            cases.add(new Case(method, validPath, validBody, null));
        }
        return cases;
    }

    private static Case json(String method, String path, JsonNode body) {
        return new Case(method, path, JSON.writeValueAsBytes(body), "application/json");
    }

    static List<byte[]> garbageBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of(
                "",
                "{",
                "null",
                "[]",
                "\"text\"",
                "123",
                "{\"a\":",
                "{}{}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                "{\"x\":\"" + "y".repeat(3_000_000) + "\"}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
        return bodies;
    }

    /** A value that satisfies the schema as far as a simple reading of it goes. */
    private JsonNode sample(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            return depth > 5
                    ? JSON.getNodeFactory().nullNode()
                    : sample(document.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("anyOf")) { // a nullable reference: anyOf [reference, null]
            for (JsonNode option : schema.path("anyOf")) {
                if (!"null".equals(typeOf(option))) {
                    return sample(option, depth);
                }
            }
        }
        String type = typeOf(schema);
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                Map<String, JsonNode> properties = new LinkedHashMap<>();
                schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
                properties.forEach((name, property) -> object.set(name, sample(property, depth + 1)));
                return object;
            }
            case "array" -> {
                return JSON.createArrayNode().add(sample(schema.path("items"), depth + 1));
            }
            case "integer" -> {
                return JSON.getNodeFactory()
                        .numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return JSON.getNodeFactory().numberNode(new java.math.BigDecimal("10.00"));
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            default -> {
                return JSON.getNodeFactory().stringNode(sampleText(schema));
            }
        }
    }

    /** The schema's type; of a nullable one ({@code ["string", "null"]}), the type that is not null. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (!type.isArray()) {
            return type.asString();
        }
        for (JsonNode each : type) {
            if (!"null".equals(each.asString())) {
                return each.asString();
            }
        }
        return "null";
    }

    private static String sampleText(JsonNode schema) {
        return switch (schema.path("format").asString()) {
            case "email" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uri" -> "https://example.test/a.png";
            default -> "Fuzz-Value-1";
        };
    }
}
