package dev.trailhound.core.rules;

import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.rules.match.FieldAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Sigma rule detector. Each event is tested only against the rules its {@code eventName} can match; a
 * rule that matches raises a detection (unless it only feeds correlations) and feeds its correlations, whose
 * windows live in the principal's {@link RuleState}. Routine work of automation identities is recognised and
 * raises nothing, except for rules that say {@code automation: include}. A rule that throws is counted in
 * {@link #failures()} and skipped for that event; the others go on.
 *
 * <p>The compiled {@link RuleSet} is swapped whole ({@link #swap}); events in flight finish with the set they
 * started with.
 */
public final class RuleEngine implements Detector<RuleState> {
    /** Most event ids a correlation detection lists; the count in its explanation stays exact. */
    static final int MAX_CORRELATED_EVENT_IDS = 1_000;

    private volatile RuleSet rules;
    private final AutomationRecognizer automation;
    private final RuleFailures failures = new RuleFailures();
    private final AtomicLong automationMatches = new AtomicLong();

    public RuleEngine(RuleSet rules, AutomationRecognizer automation) {
        this.rules = rules;
        this.automation = automation;
    }

    /** Replaces the rules atomically; windows of correlations that are gone expire with event time. */
    public void swap(RuleSet next) {
        this.rules = next;
    }

    public RuleSet rules() {
        return rules;
    }

    public RuleFailures failures() {
        return failures;
    }

    /** Matches left without a detection because the event was automation's routine work. */
    public long automationMatches() {
        return automationMatches.get();
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public RuleState newState() {
        return new RuleState();
    }

    @Override
    public boolean holdsNothing(RuleState state) {
        return state.isEmpty();
    }

    @Override
    public void expire(RuleState state, long watermarkMillis) {
        state.expire(watermarkMillis);
    }

    /**
     * The stateless half of detection, done where the event is decoded (in parallel): which rules it matches,
     * automation's routine work left out. Kept on the event for {@link #detect}, tagged with the rule set it
     * was computed for, so a swap in between is noticed and the event evaluated again.
     */
    @Override
    public void prepare(Event event) {
        RuleSet set = rules;
        event.prepared(set, match(set, event, false));
    }

    @Override
    public List<Detection> detect(RuleState state, Event event) {
        RuleSet set = rules;
        Object prepared = event.preparedFor(set);
        List<CompiledRule> matched;
        if (prepared == null) {
            matched = match(set, event, true);
        } else {
            // Rules that consult the organisation's accounts are judged here, in event order: the accounts seen so
            // far depend on it, and the reading threads run ahead of it.
            matched = asRules(prepared);
            if (set.hasOrganisationalRules()) {
                matched = merge(matched, matchOrganisational(set, event));
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        List<Detection> out = new ArrayList<>(matched.size());
        for (CompiledRule rule : matched) {
            if (rule.emits()) {
                out.add(new Detection(DetectionKind.RULE, rule.id(), rule.metadata().title(), rule.severity(), event.eventId(),
                        event.eventTimeMillis(), List.of(event.eventId()), rule.tactics(), rule.techniques(),
                        Explanations.ofRule(rule, event)));
            }
        }
        correlate(set, state, event, matched, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<CompiledRule> asRules(Object prepared) {
        return (List<CompiledRule>) prepared;
    }

    private List<CompiledRule> matchOrganisational(RuleSet set, Event event) {
        return match(set, event, true, true);
    }

    private static List<CompiledRule> merge(List<CompiledRule> a, List<CompiledRule> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<CompiledRule> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingInt(CompiledRule::index));
        return all;
    }

    private List<CompiledRule> match(RuleSet set, Event event, boolean organisational) {
        return match(set, event, organisational, false);
    }

    /**
     * The rules of {@code set} the event matches, those that would only see automation's routine work left out.
     *
     * @param organisational whether to test rules that consult the organisation's accounts
     * @param onlyThose      test those rules only
     */
    private List<CompiledRule> match(RuleSet set, Event event, boolean organisational, boolean onlyThose) {
        RuleSet.Route route = set.route(event.action());
        CompiledRule[] candidates = route.rules();
        if (candidates.length == 0) {
            return List.of();
        }
        event.select(route.fields());
        List<CompiledRule> matched = null;
        String automationReason = null;
        boolean automationKnown = false;
        for (CompiledRule rule : candidates) {
            if (rule.organisational() ? !organisational : onlyThose) {
                continue;
            }
            if (!test(rule, event)) {
                continue;
            }
            if (!rule.includesAutomation()) {
                if (!automationKnown) {
                    automationReason = automation.reason(event);
                    automationKnown = true;
                }
                if (automationReason != null || automation.scannerReason(event, rule.readsOnly()) != null) {
                    automationMatches.incrementAndGet();
                    continue;
                }
            }
            if (matched == null) {
                matched = new ArrayList<>(2);
            }
            matched.add(rule);
        }
        return matched == null ? List.of() : matched;
    }

    private boolean test(CompiledRule rule, Event event) {
        try {
            return rule.predicate().test(event);
        } catch (RuntimeException e) {
            failures.record(rule.id(), event.eventId(), e);
            return false;
        }
    }

    /**
     * Adds the event once to each correlation its matched rules feed, raises the correlations it completes, and
     * passes each completed correlation on to the correlations that list it (chains are acyclic).
     */
    private void correlate(RuleSet set, RuleState state, Event event, List<CompiledRule> matched, List<Detection> out) {
        Map<Integer, Long> positions = null;
        for (CompiledRule rule : matched) {
            for (int c : rule.correlations()) {
                if (positions == null) {
                    positions = new LinkedHashMap<>();
                }
                positions.merge(c, 1L << set.correlation(c).positionOfRule(rule.index()), (a, b) -> a | b);
            }
        }
        if (positions == null) {
            return;
        }
        ArrayDeque<Offer> work = new ArrayDeque<>();
        positions.forEach((c, mask) -> work.add(new Offer(c, mask, List.of(event.eventId()))));
        while (!work.isEmpty()) {
            Offer offer = work.poll();
            CompiledCorrelation c = set.correlation(offer.correlation());
            Completed done;
            try {
                done = offer(set, c, state, event, offer);
            } catch (RuntimeException e) {
                failures.record(c.id(), event.eventId(), e);
                continue;
            }
            if (done == null) {
                continue;
            }
            if (c.emits()) {
                out.add(new Detection(DetectionKind.RULE, c.id(), c.metadata().title(), c.severity(), event.eventId(),
                        event.eventTimeMillis(), done.eventIds(), c.tactics(), c.techniques(), done.explanation()));
            }
            for (int next : c.feeds()) {
                work.add(new Offer(next, 1L << set.correlation(next).positionOfCorrelation(c.index()), done.eventIds()));
            }
        }
    }

    /** A contribution to one correlation: which members it stands for, and its events. */
    private record Offer(int correlation, long members, List<String> eventIds) {
    }

    private record Completed(List<String> eventIds, String explanation) {
    }

    private Completed offer(RuleSet set, CompiledCorrelation c, RuleState state, Event event, Offer offer) {
        List<String> group = new ArrayList<>(c.groupBy().length);
        for (FieldAccessor f : c.groupBy()) {
            List<String> v = f.values(event);
            group.add(v.isEmpty() ? "" : v.get(0));
        }
        List<String> values = List.of();
        if (c.valueField() != null) {
            values = c.valueField().values(event);   // every value: one SendCommand may name several instances
            if (values.isEmpty()) {
                return null;   // a match without the counted field adds no distinct value
            }
        }
        CorrelationWindow window = state.window(c.id(), List.copyOf(group), c.timespanMillis());
        window.add(new CorrelationWindow.Entry(event.eventTimeMillis(), offer.eventIds(), offer.members(), values));
        window.trim(window.latestMillis());
        if (window.quietAt(event.eventTimeMillis())) {
            return null;
        }
        boolean complete = switch (c.type()) {
            case EVENT_COUNT -> c.reached(window.size());
            case VALUE_COUNT -> c.reached(window.distinctValues());
            case TEMPORAL -> c.reached(window.distinctRules());
            case TEMPORAL_ORDERED -> window.inOrder(c.members().length);
        };
        if (!complete) {
            return null;
        }
        List<String> ids = window.eventIds();
        if (ids.size() > MAX_CORRELATED_EVENT_IDS) {
            ids = List.copyOf(ids.subList(ids.size() - MAX_CORRELATED_EVENT_IDS, ids.size()));
        }
        String explanation = Explanations.ofCorrelation(c, window, group, set);
        window.fired(event.eventTimeMillis());
        return new Completed(ids, explanation);
    }
}
