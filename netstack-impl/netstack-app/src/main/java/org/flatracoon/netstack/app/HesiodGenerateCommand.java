package org.flatracoon.netstack.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.flatracoon.netstack.app.generate.HesiodSource;
import org.flatracoon.netstack.app.generate.SyntheticAccounts;
import org.flatracoon.netstack.app.generate.YamlDirectoryReader;
import org.flatracoon.netstack.app.generate.ZoneBuilder;
import org.flatracoon.netstack.app.generate.ZoneFileWriter;
import org.flatracoon.netstack.app.generate.ZoneParameters;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netstack hesiod generate}: publishes accounts and groups from a YAML directory (or a synthetic set) as a
 * Hesiod zone file in class HS.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Write a Hesiod zone (class HS) from DIR/accounts.yml and DIR/groups.yml, or a large synthetic "
                + "one for benchmarks. Every problem in the YAML is listed as FILE:LINE: message (exit 1)."})
final class HesiodGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "Directory with accounts.yml and groups.yml.")
    Path from;

    @Option(names = "--synthetic", description = "Generate synthetic accounts instead of reading --from.")
    boolean synthetic;

    @Option(names = "--accounts", paramLabel = "N", description = "Number of synthetic accounts (1.."
            + SyntheticAccounts.MAX_ACCOUNTS + ", with --synthetic).")
    Integer accounts;

    @Option(names = "--origin", paramLabel = "NAME", required = true,
            description = "Zone apex, i.e. the Hesiod lhs+rhs, e.g. ns.example.org.")
    String origin;

    @Option(names = "--serial", paramLabel = "N", defaultValue = "1", description = "SOA serial (default: ${DEFAULT-VALUE}).")
    long serial;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "300",
            description = "Default TTL and SOA minimum (default: ${DEFAULT-VALUE}).")
    long ttl;

    @Option(names = "--ns", paramLabel = "NAME",
            description = "Name server of the zone; repeat for several (default: ns1.<origin without its first label>).")
    List<String> nameServers = new ArrayList<>();

    @Option(names = "--hostmaster", paramLabel = "NAME",
            description = "SOA mailbox, as a name or an address (default: hostmaster.<origin without its first label>).")
    String hostmaster;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        ZoneParameters zone = parameters();
        PrintWriter err = spec.commandLine().getErr();
        HesiodSource source;
        List<ZoneProblem> readProblems = List.of();
        if (synthetic) {
            source = SyntheticAccounts.create(accounts);
        } else {
            YamlDirectoryReader.Result read = YamlDirectoryReader.read(from);
            readProblems = read.problems();
            source = read.source();
        }
        // check what could be read even if some entries could not, so that one run shows every problem
        ZoneBuilder.Result built = ZoneBuilder.build(source);
        if (!readProblems.isEmpty() || !built.problems().isEmpty()) {
            List<ZoneProblem> all = new ArrayList<>(readProblems);
            all.addAll(built.problems());
            all.sort(Comparator.comparing(ZoneProblem::source).thenComparingInt(ZoneProblem::line));
            return problems(all, err);
        }
        String summary = source.accounts().size() + " accounts, " + source.groups().size() + " groups, "
                + (built.records().size() + 1 + zone.nameServers().size()) + " records";
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            ZoneFileWriter.write(out, zone, built.records(), summary);
            out.flush();
            err.println("generated " + zone.origin() + " (serial " + zone.serial() + "): " + summary);
        } else {
            writeAtomically(output, w -> ZoneFileWriter.write(w, zone, built.records(), summary));
            spec.commandLine().getOut().println(output + ": " + zone.origin() + " (serial " + zone.serial() + "): "
                    + summary);
        }
        return 0;
    }

    private int problems(List<ZoneProblem> problems, PrintWriter err) {
        problems.forEach(err::println);
        int n = problems.size();
        err.println(n + (n == 1 ? " problem" : " problems") + ", no zone written");
        return Netstack.FAILURE;
    }

    private ZoneParameters parameters() {
        if (synthetic == (from != null)) {
            throw usage("give either --from DIR or --synthetic --accounts N");
        }
        if (synthetic && accounts == null) {
            throw usage("--synthetic needs --accounts N");
        }
        if (!synthetic && accounts != null) {
            throw usage("--accounts goes with --synthetic");
        }
        if (accounts != null && (accounts < 1 || accounts > SyntheticAccounts.MAX_ACCOUNTS)) {
            throw usage("--accounts must be between 1 and " + SyntheticAccounts.MAX_ACCOUNTS + ", not " + accounts);
        }
        if (serial < 0 || serial > 0xFFFF_FFFFL) {
            throw usage("--serial must be between 0 and 4294967295, not " + serial);
        }
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            throw usage("--ttl must be between 0 and 2147483647, not " + ttl);
        }
        Name apex = name(origin, "--origin");
        Name parent = apex.labels() > 3 ? new Name(apex, 1) : apex;
        List<Name> servers = new ArrayList<>();
        for (String ns : nameServers) {
            servers.add(name(ns, "--ns"));
        }
        if (servers.isEmpty()) {
            servers.add(concatenate("ns1", parent));
        }
        Name mailbox = hostmaster == null ? concatenate("hostmaster", parent)
                : name(hostmaster.contains("@") ? hostmaster.replaceFirst("@", ".") : hostmaster, "--hostmaster");
        return new ZoneParameters(apex, serial, ttl, servers, mailbox);
    }

    private Name name(String text, String option) {
        try {
            Name name = Name.fromString(text, Name.root);
            if (name.equals(Name.root)) {
                throw usage(option + " must not be the root");
            }
            return name;
        } catch (TextParseException e) {
            throw usage(option + ": '" + text + "' is not a domain name: " + e.getMessage());
        }
    }

    private static Name concatenate(String label, Name parent) {
        try {
            return Name.concatenate(Name.fromString(label), parent);
        } catch (org.xbill.DNS.NameTooLongException | TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    interface WriterAction {
        void write(Writer writer) throws IOException;
    }

    /** Writes next to the target and renames, so a reader never sees half a zone. */
    static void writeAtomically(Path target, WriterAction action) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                action.write(w);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
