package org.flatracoon.netstack.app.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code DIR/accounts.yml} (required) and {@code DIR/groups.yml} (optional) into accounts and groups, keeping
 * the line of every value so that each problem can be reported as {@code FILE:LINE: message}. It reports the
 * shape problems (syntax, unknown or missing keys, non-numeric ids); {@link ZoneBuilder} checks the rest.
 *
 * <pre>
 * # accounts.yml                                   # groups.yml
 * - name: jdoe                                     - name: staff
 *   uid: 1001                                        gid: 1001
 *   gid: 1001                                        members: [jdoe, asmith]
 *   gecos: Jane Doe
 *   home: /home/jdoe
 *   shell: /bin/bash                 # default /bin/bash
 *   groups: [staff, wheel]           # optional
 *   filsys: NFS /export/home/jdoe fs1.example.org w /home/jdoe   # optional
 *   pobox: POP mail.example.org jdoe                              # optional
 * </pre>
 */
public final class YamlDirectoryReader {
    public static final String ACCOUNTS = "accounts.yml";
    public static final String GROUPS = "groups.yml";
    static final String DEFAULT_SHELL = "/bin/bash";
    private static final long MAX_ID = 0xFFFF_FFFFL;
    private static final Set<String> ACCOUNT_KEYS =
            Set.of("name", "uid", "gid", "gecos", "home", "shell", "groups", "filsys", "pobox");
    private static final Set<String> GROUP_KEYS = Set.of("name", "gid", "members");

    /** The accounts and groups read, or the problems that prevent it. */
    public record Result(HesiodSource source, List<ZoneProblem> problems) {
    }

    private final List<ZoneProblem> problems = new ArrayList<>();
    private final java.util.Set<String> brokenNames = new java.util.HashSet<>();
    private String file;

    private YamlDirectoryReader() {
    }

    public static Result read(Path dir) {
        YamlDirectoryReader reader = new YamlDirectoryReader();
        String accountsFile = dir.resolve(ACCOUNTS).toString();
        String groupsFile = dir.resolve(GROUPS).toString();
        List<Account> accounts = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        reader.readFile(dir.resolve(ACCOUNTS), true, node -> accounts.add(reader.account(node)));
        reader.readFile(dir.resolve(GROUPS), false, node -> groups.add(reader.group(node)));
        accounts.removeIf(a -> a == null);
        groups.removeIf(g -> g == null);
        return new Result(new HesiodSource(accounts, groups, accountsFile, groupsFile, reader.brokenNames),
                List.copyOf(reader.problems));
    }

    private void readFile(Path path, boolean required, java.util.function.Consumer<MappingNode> item) {
        file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) {
                problems.add(ZoneProblem.ofFile(file, "no such file"));
            }
            return;
        } catch (IOException e) {
            problems.add(ZoneProblem.ofFile(file, "cannot read: " + e.getMessage()));
            return;
        }
        readYaml(new StringReader(text), item);
    }

    private void readYaml(Reader reader, java.util.function.Consumer<MappingNode> item) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problems.add(new ZoneProblem(file, mark != null ? mark.getLine() + 1 : 0, "YAML syntax error: " + message));
            return;
        } catch (YAMLException e) {
            problems.add(ZoneProblem.ofFile(file, "YAML error: " + e.getMessage()));
            return;
        }
        if (root == null || isNull(root)) {
            return; // an empty file is an empty list
        }
        if (!(root instanceof SequenceNode list)) {
            problem(root, "expected a list of entries ('- name: …')");
            return;
        }
        for (Node entry : list.getValue()) {
            if (entry instanceof MappingNode mapping) {
                item.accept(mapping);
            } else {
                problem(entry, "expected an entry with keys ('name: …'), got " + describe(entry));
            }
        }
    }

    private Account account(MappingNode node) {
        String what = describeEntry("account", node);
        Map<String, Node> fields = fields(node, ACCOUNT_KEYS, what);
        String name = requiredText(fields, "name", node, what);
        Long uid = id(fields, "uid", node, what);
        Long gid = id(fields, "gid", node, what);
        String home = requiredText(fields, "home", node, what);
        String gecos = optionalText(fields, "gecos", what, "");
        String shell = optionalText(fields, "shell", what, DEFAULT_SHELL);
        List<String> groups = list(fields, "groups", what);
        String filsys = optionalText(fields, "filsys", what, null);
        String pobox = optionalText(fields, "pobox", what, null);
        if (name == null || uid == null || gid == null || home == null || gecos == null || shell == null
                || groups == null) {
            if (name != null) {
                brokenNames.add(name);
            }
            return null;
        }
        return new Account(name, uid, gid, gecos, home, shell, groups, filsys, pobox, line(node));
    }

    private Group group(MappingNode node) {
        String what = describeEntry("group", node);
        Map<String, Node> fields = fields(node, GROUP_KEYS, what);
        String name = requiredText(fields, "name", node, what);
        Long gid = id(fields, "gid", node, what);
        List<String> members = list(fields, "members", what);
        if (name == null || gid == null || members == null) {
            if (name != null) {
                brokenNames.add(name);
            }
            return null;
        }
        return new Group(name, gid, members, line(node));
    }

    /** {@code account 'jdoe'}, or just {@code account} when the entry has no usable name. */
    private static String describeEntry(String kind, MappingNode node) {
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
                    && tuple.getValueNode() instanceof ScalarNode value && !isNull(value)) {
                return kind + " '" + value.getValue() + "'";
            }
        }
        return kind;
    }

    private Map<String, Node> fields(MappingNode node, Set<String> known, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                problem(keyNode, what + ": keys must be plain words");
                continue;
            }
            if (!known.contains(key.getValue())) {
                problem(keyNode, what + ": unknown key '" + key.getValue() + "' (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (fields.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
                problem(keyNode, what + ": duplicate key '" + key.getValue() + "'");
            }
        }
        return fields;
    }

    private String requiredText(Map<String, Node> fields, String key, Node entry, String what) {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            problem(node != null ? node : entry, what + ": missing " + key);
            return null;
        }
        return text(node, key, what);
    }

    /** The value, {@code fallback} if absent, or null (with a problem) if it is not text. */
    private String optionalText(Map<String, Node> fields, String key, String what, String fallback) {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            return fallback;
        }
        String value = text(node, key, what);
        return value;
    }

    private String text(Node node, String key, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, what + ": " + key + " must be text, got " + describe(node));
        return null;
    }

    private Long id(Map<String, Node> fields, String key, Node entry, String what) {
        String text = requiredText(fields, key, entry, what);
        if (text == null) {
            return null;
        }
        Node node = fields.get(key);
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > MAX_ID) {
            problem(node, what + ": " + key + " '" + text + "' is not a number in 0.." + MAX_ID);
            return null;
        }
        return Long.parseLong(text);
    }

    /** A list of names; absent or empty is an empty list; null (with a problem) if malformed. */
    private List<String> list(Map<String, Node> fields, String key, String what) {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, what + ": " + key + " must be a list ([a, b]), got " + describe(node));
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !isNull(item)) {
                values.add(scalar.getValue());
            } else {
                problem(item, what + ": each of " + key + " must be a name, got " + describe(item));
                ok = false;
            }
        }
        return ok ? values : null;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static int line(Node node) {
        return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    }

    private void problem(Node node, String message) {
        problems.add(new ZoneProblem(file, line(node), message));
    }
}
