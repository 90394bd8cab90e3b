package org.flatracoon.lab.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Asks a DNS server from inside a node with the real `dig`, reading dig's structured (YAML) output. */
public final class DnsQuery {

    private final LabNode client;

    public DnsQuery(LabNode client) {
        this.client = client;
    }

    public DnsAnswer ask(String server, String name, String dnsClass, String type) {
        long start = System.nanoTime();
        String subject = "dig @" + server + " " + dnsClass + " " + type + " " + name + " on " + client.name();
        try {
            DnsAnswer answer = askOnce(server, name, dnsClass, type);
            Observations.record(subject, answer.status() + " " + String.join(" ", answer.flags()) + ", "
                    + answer.answers().size() + " answer(s)", start);
            return answer;
        } catch (ProbeException e) {
            Observations.record(subject, "no answer: " + e.getMessage(), start);
            throw e;
        }
    }

    private DnsAnswer askOnce(String server, String name, String dnsClass, String type) {
        ExecResult result = client.exec("dig", "+yaml", "+norec", "+time=2", "+tries=1",
                "@" + server, "-c", dnsClass, "-t", type, name);
        return DnsAnswer.fromDigYaml(result.stdout(), client.name() + ": dig " + dnsClass + " " + type + " " + name);
    }

    /**
     * Asks a resolver (recursion desired, class IN) with extra dig options, e.g. {@code +dnssec +cd} for the DO and
     * CD bits of a validating stub. The server is an address of either family.
     */
    public DnsAnswer resolveWith(String resolver, String name, String type, List<String> digOptions) {
        List<String> command = new ArrayList<>(List.of("dig", "+yaml", "+time=3", "+tries=1"));
        command.addAll(digOptions);
        command.addAll(List.of("@" + resolver, "-t", type, name));
        ExecResult result = client.exec(command.toArray(String[]::new));
        return DnsAnswer.fromDigYaml(result.stdout(), client.name() + ": " + String.join(" ", command));
    }

    /** One DNS response as dig saw it. */
    public record DnsAnswer(String status, Set<String> flags, List<ResourceRecord> answers, List<ResourceRecord> authority,
            List<ResourceRecord> additional) {

        public boolean authoritative() {
            return flags.contains("aa");
        }

        @SuppressWarnings("unchecked")
        static DnsAnswer fromDigYaml(String yaml, String what) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(document instanceof List<?> items) || items.isEmpty() || !(items.get(0) instanceof Map<?, ?> first)) {
                throw new ProbeException(what + ": dig printed no message: " + yaml.strip());
            }
            if (!"MESSAGE".equals(first.get("type"))) {
                throw new ProbeException(what + ": " + String.valueOf(first.get("message")).strip());
            }
            Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) first.get("message"))
                    .get("response_message_data");
            if (data == null) {
                throw new ProbeException(what + ": dig received no response: " + yaml.strip());
            }
            Set<String> flags = new LinkedHashSet<>(Arrays.asList(String.valueOf(data.get("flags")).split("\\s+")));
            return new DnsAnswer(String.valueOf(data.get("status")), flags, records(data.get("ANSWER_SECTION")),
                    records(data.get("AUTHORITY_SECTION")), records(data.get("ADDITIONAL_SECTION")));
        }

        private static List<ResourceRecord> records(Object section) {
            if (!(section instanceof List<?> lines)) {
                return List.of();
            }
            return lines.stream().map(String::valueOf).map(ResourceRecord::parse).toList();
        }
    }

    /** A resource record in presentation format: owner ttl class type data. */
    public record ResourceRecord(String owner, long ttl, String dnsClass, String type, String data) {

        static ResourceRecord parse(String line) {
            String[] parts = line.strip().split("\\s+", 5);
            if (parts.length < 4) {
                throw new ProbeException("unreadable resource record: " + line);
            }
            return new ResourceRecord(parts[0], Long.parseLong(parts[1]), parts[2], parts[3], parts.length > 4 ? parts[4] : "");
        }

        /** The text of a TXT record with one character-string, without its quotes and escapes. */
        public String text() {
            String quoted = data.strip();
            if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
                return quoted;
            }
            return unescape(quoted.substring(1, quoted.length() - 1));
        }

        /** Presentation-format escapes: \X is X, \DDD is the byte DDD (dig writes every non-ASCII byte so). */
        private static String unescape(String escaped) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int i = 0;
            while (i < escaped.length()) {
                int c = escaped.codePointAt(i);
                if (c == '\\' && isDigits(escaped, i + 1, 3)) {
                    bytes.write(Integer.parseInt(escaped, i + 1, i + 4, 10));
                    i += 4;
                    continue;
                }
                if (c == '\\' && i + 1 < escaped.length()) {
                    i++;
                    c = escaped.codePointAt(i);
                }
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static boolean isDigits(String text, int from, int count) {
            if (from + count > text.length()) {
                return false;
            }
            for (int i = from; i < from + count; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
