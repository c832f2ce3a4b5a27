package dev.trailhound.app;

import dev.trailhound.app.bench.ParseLimitCommand;
import dev.trailhound.app.bench.RulesBenchCommand;
import dev.trailhound.app.bench.service.ServiceBenchCommand;
import dev.trailhound.app.evaluate.EvaluateCommand;
import dev.trailhound.app.rules.RulesCommand;
import dev.trailhound.app.scan.ScanCommand;
import dev.trailhound.app.serve.DemoCommand;
import dev.trailhound.app.serve.ServeCommand;
import dev.trailhound.app.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trailhound} command line: the composition root of every subcommand. */
@Command(name = "trailhound", mixinStandardHelpOptions = true, version = "trailhound 0.1.0",
        description = "Self-hosted AWS CloudTrail threat detection and response.",
        subcommands = {ScanCommand.class, ServeCommand.class, DemoCommand.class, RulesCommand.class, EvaluateCommand.class, SimulateCommand.class, ParseLimitCommand.class, RulesBenchCommand.class,
                ServiceBenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that redirect its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'scan PATH...' (see --help)");
    }
}
