package org.flatracoon.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.backend.StartOptions;
import org.flatracoon.lab.docker.DockerEngine;
import org.flatracoon.lab.docker.DockerLabBackend;
import org.flatracoon.lab.docker.LabInventory;
import org.flatracoon.lab.graph.GraphFormat;
import org.flatracoon.lab.graph.LabGraph;
import org.flatracoon.lab.fault.UnsupportedFaultException;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.probe.SiteAudit;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import org.flatracoon.lab.topology.TopologyLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `lab`: bring topologies up and down, look at them, run commands in their nodes. */
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = LabCommand.Version.class,
        description = "Brings FlatRacoon lab topologies (containerlab-style .clab.yml files) up on the local Docker engine.",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Exec.class, LabCommand.Ps.class,
                LabCommand.Clean.class, LabCommand.Check.class, LabCommand.Graph.class, LabCommand.Audit.class,
                FaultCommand.class, NodeCommand.class, ReplayCommand.class})
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LabCommand());
        // `lab exec LAB NODE CMD…`: everything after the node is the command, its options included
        // (`just lab exec … -- sh -c …` reaches us without the `--`, which just keeps for itself).
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof LabException || exception instanceof TopologyException
                    || exception instanceof UnsupportedFaultException) {
                cmd.getErr().println("lab: " + exception.getMessage());
                return 1;
            }
            if (exception instanceof IllegalArgumentException) { // a node or link the lab does not have
                cmd.getErr().println("lab: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            // the full command ("lab up"), so the hint can be typed as is
            err.println("lab: " + exception.getMessage() + " (see `"
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help`)");
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
    }

    static Topology load(Path file) throws TopologyException {
        return new TopologyLoader(KindRegistry.standard()).load(file);
    }

    @Command(name = "up", description = "Brings a lab up and returns when every node is ready; it lives until `lab down`.")
    static final class Up implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the topology file (.clab.yml)")
        Path file;

        @CommandLine.Option(names = "--capture", paramLabel = "DIR",
                description = "capture every link into DIR/<nodeA>-<ifA>--<nodeB>-<ifB>.pcap until `lab down`")
        Path captureFolder;

        @Override
        public Integer call() throws TopologyException {
            Topology topology = load(file);
            StartOptions options = captureFolder == null ? StartOptions.DEFAULTS : StartOptions.capturingInto(captureFolder);
            RunningLab lab = new DockerLabBackend(DockerEngine.client(), KindRegistry.standard())
                    .start(topology, LabOwner.CLI, options);
            TextTable table = new TextTable("NODE", "KIND", "IMAGE", "ADDRESSES");
            topology.nodes().forEach(node -> table.row(node.name(), node.kind(), node.image(),
                    topology.interfacesOf(node.name())));
            PrintWriter out = spec.commandLine().getOut();
            out.println("lab " + lab.name() + " is up (run " + lab.runId() + ")");
            if (captureFolder != null) {
                out.println("capturing every link into " + captureFolder.toAbsolutePath().normalize() + " until `lab down`");
            }
            out.print(table.render());
            out.flush();
            return 0;
        }
    }

    @Command(name = "down", description = "Removes a lab's containers and networks.")
    static final class Down implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "LAB|FILE", description = "a lab name, or the topology file it was started from")
        String labOrFile;

        @Override
        public Integer call() throws TopologyException {
            String name = Files.isRegularFile(Path.of(labOrFile)) ? load(Path.of(labOrFile)).name() : labOrFile;
            LabInventory.Removed removed = new LabInventory(DockerEngine.client()).removeLab(name);
            if (removed.nothing()) {
                throw new LabException("no lab named " + name + " is running (see `lab ps`)");
            }
            spec.commandLine().getOut().println("lab " + name + " removed (" + removed.containers() + " containers, "
                    + removed.networks() + " networks)");
            return 0;
        }
    }

    @Command(name = "exec", description = "Runs a command in a node of a running lab: lab exec LAB NODE -- CMD…")
    static final class Exec implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LAB")
        String lab;

        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Parameters(index = "2..*", paramLabel = "CMD", arity = "1..*", description = "the command and its arguments")
        List<String> command;

        @Override
        public Integer call() {
            var docker = DockerEngine.client();
            LabInventory.NodeSummary target = new LabInventory(docker).labs().stream()
                    .filter(summary -> summary.name().equals(lab))
                    .findFirst()
                    .orElseThrow(() -> new LabException("no lab named " + lab + " is running (see `lab ps`)"))
                    .nodes().stream()
                    .filter(summary -> summary.name().equals(node))
                    .findFirst()
                    .orElseThrow(() -> new LabException("lab " + lab + " has no node named " + node));
            List<String> argv = !command.isEmpty() && command.get(0).equals("--") ? command.subList(1, command.size()) : command;
            if (argv.isEmpty()) {
                throw new LabException("no command to run in " + node + " (lab exec LAB NODE -- CMD…)");
            }
            ExecResult result = new org.flatracoon.lab.docker.ContainerCommands(docker)
                    .exec(target.containerId(), argv);
            spec.commandLine().getOut().print(result.stdout());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().print(result.stderr());
            spec.commandLine().getErr().flush();
            return result.exitCode();
        }
    }

    @Command(name = "audit", description = "Audits the nodes of an IPv6-only site in a running lab (those labelled"
            + " `site:` in its topology, or the nodes named) for IPv4 addresses, routes and listening sockets;"
            + " exit 1 when one is not IPv6-only.")
    static final class Audit implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LAB")
        String lab;

        @Parameters(index = "1..*", paramLabel = "NODE", arity = "0..*", description = "nodes to audit (default: the site's)")
        List<String> nodes = new java.util.ArrayList<>();

        @Override
        public Integer call() throws TopologyException {
            var docker = DockerEngine.client();
            LabInventory.LabSummary running = new LabInventory(docker).labs().stream()
                    .filter(summary -> summary.name().equals(lab)).findFirst()
                    .orElseThrow(() -> new LabException("no lab named " + lab + " is running (see `lab ps`)"));
            Topology topology = load(Path.of(running.topologyFile()));
            List<org.flatracoon.lab.topology.NodeSpec> targets = topology.nodes().stream()
                    .filter(node -> nodes.isEmpty() ? node.labels().containsKey(SiteAudit.SITE_LABEL)
                            : nodes.contains(node.name()))
                    .toList();
            nodes.stream().filter(name -> targets.stream().noneMatch(node -> node.name().equals(name))).findFirst()
                    .ifPresent(name -> {
                        throw new LabException("lab " + lab + " has no node named " + name);
                    });
            if (targets.isEmpty()) {
                throw new LabException("lab " + lab + " labels no node `" + SiteAudit.SITE_LABEL + ":`; name the nodes to audit");
            }
            int exit = 0;
            for (org.flatracoon.lab.topology.NodeSpec node : targets) {
                String containerId = running.nodes().stream().filter(n -> n.name().equals(node.name())).findFirst()
                        .orElseThrow(() -> new LabException("node " + node.name() + " of lab " + lab + " is not running"))
                        .containerId();
                ExecResult result = new org.flatracoon.lab.docker.ContainerCommands(docker)
                        .execInNetworkNamespace(containerId, SiteAudit.command(node, false));
                spec.commandLine().getOut().print(result.stdout());
                spec.commandLine().getErr().print(result.stderr());
                exit = Math.max(exit, result.exitCode());
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return exit;
        }
    }

    @Command(name = "ps", description = "Lists the labs on the Docker engine and their nodes.")
    static final class Ps implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<LabInventory.LabSummary> labs = new LabInventory(DockerEngine.client()).labs();
            if (labs.isEmpty()) {
                spec.commandLine().getOut().println("no lab is running");
                return 0;
            }
            TextTable table = new TextTable("LAB", "OWNER", "NODE", "KIND", "IMAGE", "STATE", "ADDRESSES");
            labs.forEach(lab -> lab.nodes().forEach(node -> table.row(lab.name(), lab.owner(), node.name(), node.kind(),
                    node.image(), node.state(), node.addresses())));
            spec.commandLine().getOut().print(table.render());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "clean", description = "Removes every lab container and network on the engine, whoever started it.")
    static final class Clean implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabInventory.Removed removed = new LabInventory(DockerEngine.client()).removeAll();
            spec.commandLine().getOut().println("removed " + removed.containers() + " containers and "
                    + removed.networks() + " networks");
            return 0;
        }
    }

    @Command(name = "check", description = "Validates a topology file and prints every problem with its line.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try {
                Topology topology = load(file);
                spec.commandLine().getOut().println(file + ": lab " + topology.name() + ", " + topology.nodes().size() + " nodes, "
                        + topology.links().size() + " links, no problems");
                return 0;
            } catch (TopologyException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "graph", description = "Draws a lab: nodes by kind, links with their interfaces and addresses.")
    static final class Graph implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the topology file (.clab.yml)")
        Path file;

        @CommandLine.Option(names = "--format", paramLabel = "mermaid|dot|svg", defaultValue = "svg",
                converter = FormatConverter.class, description = "mermaid, dot or svg (default: ${DEFAULT-VALUE})")
        GraphFormat format;

        @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of stdout")
        Path output;

        @Override
        public Integer call() throws TopologyException {
            String picture = format.render(LabGraph.of(load(file)));
            if (output == null) {
                spec.commandLine().getOut().print(picture);
                spec.commandLine().getOut().flush();
                return 0;
            }
            try {
                Files.writeString(output, picture, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LabException("cannot write " + output + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println(output);
            return 0;
        }
    }

    /** Formats are typed in lower case; picocli's enum matching would print the constants in upper case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<GraphFormat> {
        @Override
        public GraphFormat convert(String value) {
            for (GraphFormat format : GraphFormat.values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("unknown format '" + value + "' (use mermaid, dot or svg)");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lab " + org.flatracoon.lab.LabVersion.get()};
        }
    }
}
