package dev.trailhound.app.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trailhound rules}: check and test Sigma rules. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check and test Sigma rules.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: 'rules check PATH...' or 'rules test PATH...'");
    }
}
