package dev.trailhound.app.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The rule options {@code scan} (and later {@code serve}) share, as a picocli mixin. */
public final class RuleOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Sigma rule files or directories to add to the built-in pack (repeatable).")
    public List<Path> rules = new ArrayList<>();

    @Option(names = "--disable-rule", paramLabel = "ID", description = "Leave out a rule or correlation by id or name (repeatable).")
    public List<String> disabled = new ArrayList<>();

    @Option(names = "--placeholders", paramLabel = "FILE", description = "YAML map of placeholder name to values, for Sigma 'expand'.")
    public Path placeholders;

    @Option(names = "--automation", paramLabel = "PATTERN",
            description = "An identity to treat as automation (its routine work raises no rule threats): ARN, role or user name, '*' wildcards (repeatable).")
    public List<String> automation = new ArrayList<>();

    @Option(names = "--scanner", paramLabel = "PATTERN",
            description = "A security scanner's identity (its reads raise no rule threats; its changes do): ARN, role or user name, '*' wildcards (repeatable). Adds to the defaults: *scanner*, *cspm*, *securityaudit*, well-known vendor roles.")
    public List<String> scanners = new ArrayList<>();

    @Option(names = "--no-built-in-rules", description = "Use only the rules given with --rules.")
    public boolean noBuiltIn;
}
