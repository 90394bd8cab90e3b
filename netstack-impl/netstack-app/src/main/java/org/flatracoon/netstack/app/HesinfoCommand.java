package org.flatracoon.netstack.app;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flatracoon.netstack.app.hesinfo.HesiodConfig;
import org.flatracoon.netstack.app.hesinfo.HesiodResolver;
import org.flatracoon.netstack.app.hesinfo.Hesinfo;
import org.flatracoon.netstack.app.hesinfo.HesinfoEnvironment;
import org.flatracoon.netstack.app.hesinfo.ResolvConf;
import org.xbill.DNS.DClass;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code netstack hesinfo [-bl] name type}: our Hesiod client, with the arguments, output and exit codes of
 * Debian's {@code hesinfo} (hesiod 3.2.1). See {@link Hesinfo}.
 */
@Command(name = "hesinfo",
        description = "Look up a Hesiod name like hesinfo(1): reads hesiod.conf ($HESIOD_CONFIG, $HES_DOMAIN) and "
                + "/etc/resolv.conf, queries class IN, prints one line per TXT record.")
final class HesinfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-l", description = "selects long format")
    boolean longFormat;

    @Option(names = "-b", description = "also does hes_to_bind conversion")
    boolean bindName;

    @Option(names = "--class", paramLabel = "IN|HS", defaultValue = "IN",
            description = "Query class (extension; the classic tool always uses IN). Default: ${DEFAULT-VALUE}.")
    String queryClass;

    @Option(names = "--server", paramLabel = "HOST[:PORT]", hidden = true,
            description = "Ask this server instead of the resolv.conf name servers (for tests).")
    String server;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "name type", arity = "0..*", description = "Hesiod name and type, e.g. jdoe passwd.")
    List<String> operands = new ArrayList<>();

    private final HesinfoEnvironment environment;

    HesinfoCommand(HesinfoEnvironment environment) {
        this.environment = environment;
    }

    HesinfoCommand() {
        this(HesinfoEnvironment.system());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (operands.size() != 2) {
            Hesinfo.printUsage(err);
            return Hesinfo.USAGE_EXIT;
        }
        int dclass = switch (queryClass.toUpperCase(java.util.Locale.ROOT)) {
            case "IN" -> DClass.IN;
            case "HS", "HESIOD" -> DClass.HS;
            default -> throw new ParameterException(spec.commandLine(), "--class must be IN or HS, not " + queryClass);
        };
        ResolvConf resolvConf = ResolvConf.load(environment.resolvConf(), environment.env().get("RES_OPTIONS"));
        if (server != null) {
            resolvConf = new ResolvConf(List.of(serverAddress()), resolvConf.timeout(), resolvConf.attempts());
        }
        HesiodResolver resolver;
        try {
            resolver = new HesiodResolver(HesiodConfig.load(environment.env(), environment.hesiodConf()), resolvConf,
                    dclass);
        } catch (HesiodConfig.InvalidConfigException e) {
            resolver = null;
        }
        return Hesinfo.run(resolver, bindName, longFormat, operands.get(0), operands.get(1), out, err);
    }

    private InetSocketAddress serverAddress() {
        String host = server;
        int port = 53;
        int colon = server.lastIndexOf(':');
        if (server.startsWith("[") && server.contains("]")) {
            host = server.substring(1, server.indexOf(']'));
            if (server.indexOf(']') + 1 < server.length() && server.charAt(server.indexOf(']') + 1) == ':') {
                port = parsePort(server.substring(server.indexOf(']') + 2));
            }
        } else if (colon > 0 && server.indexOf(':') == colon) {
            host = server.substring(0, colon);
            port = parsePort(server.substring(colon + 1));
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--server: unknown host '" + host + "'");
        }
    }

    private int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ParameterException(spec.commandLine(), "--server: bad port '" + text + "'");
    }

    /**
     * Usage errors in the classic form: glibc getopt's complaint about an unknown option, then the usage text,
     * exit 2. Errors in our extension options ({@code --class}, {@code --server}) say what is wrong first.
     */
    static int usageError(ParameterException e, PrintWriter err) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                if (arg.startsWith("--")) {
                    err.println("hesinfo: unrecognized option '" + arg + "'");
                    break;
                }
                if (arg.startsWith("-") && arg.length() > 1) {
                    char bad = arg.chars().skip(1).filter(c -> c != 'b' && c != 'l')
                            .mapToObj(c -> (char) c).findFirst().orElse(arg.charAt(1));
                    err.println("hesinfo: invalid option -- '" + bad + "'");
                    break;
                }
            }
        } else {
            err.println("hesinfo: " + e.getMessage());
        }
        Hesinfo.printUsage(err);
        return Hesinfo.USAGE_EXIT;
    }

    /** Creates the command with the given environment; picocli's default factory for everything else. */
    static CommandLine.IFactory factory(HesinfoEnvironment environment) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == HesinfoCommand.class) {
                    return cls.cast(new HesinfoCommand(environment));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
    }
}
