package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Strictly typed reads of request fields: a value of the wrong type is a 400 naming the field. */
final class JsonFields {
    private JsonFields() {
    }

    static Optional<Boolean> bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw bad(field, "true or false", v);
        }
        return Optional.of(v.booleanValue());
    }

    static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(field, "a string", v);
        }
        return Optional.of(v.textValue());
    }

    static Optional<Integer> integer(JsonNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
            throw bad(field, "an integer in " + min + ".." + max, v);
        }
        return Optional.of(v.intValue());
    }

    static Optional<List<JsonNode>> array(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw bad(field, "an array", v);
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return Optional.of(out);
    }

    static Optional<JsonNode> object(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw bad(field, "an object", v);
        }
        return Optional.of(v);
    }

    static ApiException bad(String field, String expected, JsonNode actual) {
        return new ApiException(400, "'" + field + "' must be " + expected + ", not " + actual);
    }
}
