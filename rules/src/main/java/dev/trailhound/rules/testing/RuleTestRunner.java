package dev.trailhound.rules.testing;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.pipeline.DetectionCore;
import dev.trailhound.core.rules.CompiledCorrelation;
import dev.trailhound.core.rules.CompiledRule;
import dev.trailhound.core.rules.Explanations;
import dev.trailhound.core.rules.RuleCompilation;
import dev.trailhound.core.rules.RuleCompileOptions;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.rules.RuleSet;
import dev.trailhound.core.rules.RuleState;
import dev.trailhound.formats.cloudtrail.CollectedRecords;
import dev.trailhound.formats.sigma.RuleTestCase;
import dev.trailhound.formats.sigma.RuleTestFile;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.rules.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs rule test cases through the production path: events are read by the CloudTrail reader, ordered by event
 * time as the pipeline orders them, and evaluated by a {@link RuleEngine} with per-principal state, the default
 * automation recognition and the case's own accounts. A case passes when a rule under test raises a detection
 * ({@code match}) or none does ({@code no_match}).
 */
public final class RuleTestRunner {
    private final RuleCompilation compilation;
    private final CaseAccounts accounts = new CaseAccounts();

    /** Compiles {@code ruleFiles} once; test cases then run against that set. */
    public RuleTestRunner(List<SigmaFile> ruleFiles, AttackCatalog catalog) {
        this.compilation = Rules.compile(ruleFiles, catalog, RuleCompileOptions.defaults(accounts));
    }

    public RuleCompilation compilation() {
        return compilation;
    }

    /**
     * Runs every case of {@code tests} against the rules and correlations named in {@code underTest} (ids or names).
     */
    public List<CaseResult> run(RuleTestFile tests, Set<String> underTest) {
        List<CaseResult> out = new ArrayList<>();
        for (RuleTestCase c : tests.cases()) {
            out.add(run(tests.source(), c, underTest));
        }
        return out;
    }

    private CaseResult run(String file, RuleTestCase c, Set<String> underTest) {
        String label = String.join(",", underTest);
        CollectedRecords read = CollectedRecords.ofJson(c.name(), c.events());
        if (!read.rejections().isEmpty()) {
            return new CaseResult(file, label, c.name(), c.expectMatch(), false, "the case's events cannot be read: " + read.rejections());
        }
        List<Event> events = new ArrayList<>(read.events());
        events.sort(Comparator.comparingLong(Event::eventTimeMillis));
        accounts.reset(c.accounts(), events);
        RuleSet set = compilation.ruleSet();
        RuleEngine engine = new RuleEngine(set, AutomationRecognizer.defaults());
        Map<String, RuleState> states = new HashMap<>();
        List<Detection> hits = new ArrayList<>();
        List<String> serviceOnly = new ArrayList<>();
        for (Event e : events) {
            RuleState state = states.computeIfAbsent(DetectionCore.principalKey(e), k -> engine.newState());
            for (Detection d : engine.detect(state, e)) {
                if (underTest.contains(d.ruleId()) || underTest.contains(nameOf(set, d.ruleId()))) {
                    if (e.principal().isAwsService()) {
                        serviceOnly.add(d.ruleId() + " on " + e.eventId());   // as in scan: a service's event forms no threat
                    } else {
                        hits.add(d);
                    }
                }
            }
        }
        if (engine.failures().total() > 0) {
            return new CaseResult(file, label, c.name(), c.expectMatch(), false, "a rule failed while evaluating: " + engine.failures().byRule());
        }
        boolean passed = c.expectMatch() == !hits.isEmpty();
        String detail = passed ? "" : c.expectMatch()
                ? (serviceOnly.isEmpty() ? "" : "matched " + serviceOnly + ", but on AWS service events, which never form a threat\n")
                        + whyNot(set, underTest, events)
                : "raised: " + describe(hits);
        return new CaseResult(file, label, c.name(), c.expectMatch(), passed, detail);
    }

    private static String nameOf(RuleSet set, String id) {
        return set.rule(id).map(r -> r.metadata().name()).orElse(null);
    }

    /** For a missed match: each rule under test (and, for a correlation, its rules) traced over each event. */
    private static String whyNot(RuleSet set, Set<String> underTest, List<Event> events) {
        StringBuilder b = new StringBuilder("no detection from ").append(underTest).append('\n');
        Set<CompiledRule> traced = new HashSet<>();
        for (CompiledRule r : set.rules()) {
            if (underTest.contains(r.id()) || underTest.contains(r.metadata().name())) {
                traced.add(r);
            }
        }
        for (CompiledCorrelation c : set.correlations()) {
            if (underTest.contains(c.id()) || underTest.contains(c.metadata().name())) {
                for (int m : c.members()) {
                    if (m >= 0) {
                        traced.add(set.rule(m));
                    }
                }
            }
        }
        if (traced.isEmpty()) {
            return b.append("(no loaded rule has that id or name; see the compile problems)").toString();
        }
        AutomationRecognizer automation = AutomationRecognizer.defaults();
        for (Event e : events) {
            b.append("event ").append(e.eventId()).append(' ').append(e.qualifiedAction()).append('\n');
            String reason = automation.reason(e);
            if (reason != null) {
                b.append("  recognised as automation (").append(reason).append("): rules without 'automation: include' ignore it\n");
            }
            for (CompiledRule r : traced) {
                b.append(" rule ").append(r.id()).append('\n').append(Explanations.trace(r, e)).append('\n');
            }
        }
        return b.toString();
    }

    private static String describe(List<Detection> hits) {
        List<String> out = new ArrayList<>();
        for (Detection d : hits) {
            out.add(d.ruleId() + " on " + d.eventId() + (d.explanation().isEmpty() ? "" : " (" + d.explanation() + ")"));
        }
        return String.join("; ", out);
    }

    /** The organisation of the current case: its listed accounts plus the recipients of its events. */
    private static final class CaseAccounts implements dev.trailhound.core.rules.match.AccountDirectory {
        private final Set<String> own = new HashSet<>();

        void reset(List<String> listed, List<Event> events) {
            own.clear();
            own.addAll(listed);
            events.forEach(e -> {
                if (e.accountId() != null) {
                    own.add(e.accountId());
                }
            });
        }

        @Override
        public boolean isOwn(String accountId) {
            return own.contains(accountId);
        }
    }
}
