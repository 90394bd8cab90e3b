package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report reads back what it and the lab wrote; anything else is refused with where it broke. */
class JsonReaderTest {

    @Test
    void readsBackWhatJsonWrites() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t unicode é \u2028");
        value.put("count", 42L);
        value.put("nothing", null);
        value.put("yes", true);
        value.put("list", List.of(1L, "two", List.of(), Map.of()));

        assertThat(JsonReader.read(Json.write(value))).isEqualTo(value);
        assertThat(JsonReader.read(Json.writeLine(value))).isEqualTo(value);
        assertThat(Json.writeLine(value)).doesNotContain("\n");
    }

    @Test
    void readsNumbersAndEscapes() {
        assertThat(JsonReader.read("[-3, 2.5, 1e3, \"\\u0041\\/\"]")).isEqualTo(List.of(-3L, 2.5, 1000.0, "A/"));
    }

    @Test
    void refusesWhatIsNotJsonSayingWhere() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\": 1,")).hasMessageStartingWith("not JSON at offset 8");
        assertThatThrownBy(() -> JsonReader.read("{\"a\" 1}")).hasMessage("not JSON at offset 5: expected ':'");
        assertThatThrownBy(() -> JsonReader.read("[1] x")).hasMessageContaining("unexpected text after the value");
        assertThatThrownBy(() -> JsonReader.read("\"open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> JsonReader.read("nul")).hasMessageContaining("expected null");
    }
}
