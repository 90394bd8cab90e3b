package org.flatracoon.netstack.hesiod.maps;

/** The payload of a map without a fixed layout (sloc, cluster, pcap…): served as is. */
public record FreeText(String text) implements HesiodEntry {

    public FreeText {
        if (text == null) {
            throw new HesiodFormatException("missing text");
        }
    }

    public static FreeText parse(String txt) {
        return new FreeText(txt);
    }

    @Override
    public String format() {
        return text;
    }
}
