package dev.trailhound.core.baseline;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.session.SessionKind;
import dev.trailhound.core.session.SessionRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Anomaly detection from explainable per-identity baselines. For every event of an identity that has a baseline
 * ({@link Subject}) it first judges, then learns: each way the event departs from what the identity (and its
 * account's other identities) did before is a {@link Signal} with a weight, never-seen actions weighted by how
 * sensitive they are ({@link ActionCategory}). Signals add up per session ({@link SessionTally}); one odd call is
 * not a threat, a session whose score reaches the threshold with two kinds of departure is, and after that every
 * never-seen sensitive call of the session is a detection of its own. Nothing is judged while the identity or
 * its account is still learning ({@link BaselineSettings#learning()}, counted in event time from the first
 * event, so a dormant identity that returns is judged against what it did before).
 *
 * <p>Its state is the {@link BaselineStore}, keyed by identity and account rather than by principal (so it is
 * a {@code Detector<Void>} to the core: nothing per principal); it reads no clock and does no I/O.
 */
public final class AnomalyDetector implements Detector<Void> {
    public static final String SESSION_RULE_ID = "anomaly-unusual-session";
    public static final String SENSITIVE_RULE_ID = "anomaly-first-sensitive-call";
    private static final int MAX_DETECTIONS_PER_SESSION = 20;
    /** In an anomalous session, the first call of each category this sensitive is named even when it is a habit. */
    private static final double KEY_CALL_WEIGHT = 0.5;
    private static final int MAX_EVENT_IDS = 200;
    /** First-time reads named in an explanation; the rest are counted. */
    private static final int MAX_READS_EXPLAINED = 4;
    /** A session's tally is forgotten after this idle time: the activity-session gap and the temporary-key idle bound. */
    private static final long ACTIVITY_GAP_MILLIS = 60 * 60_000L;
    private static final long CREDENTIAL_IDLE_MILLIS = 12 * 60 * 60_000L;
    /** An hour is judged once the baseline has this many calls, and only when the hours around it are empty too. */
    private static final int MIN_EVENTS_FOR_HOURS = 200;
    /** A workload that has only ever worked in a few regions is judged on a new one once it has this many calls. */
    private static final int MIN_EVENTS_FOR_REGIONS = 50;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long MAX_TALLY_SPAN_MILLIS = DAY_MILLIS;
    /** An identity silent this long, and twice as long as ever before, is back from dormancy. */
    private static final long DORMANT_MILLIS = 7 * DAY_MILLIS;
    private static final int MIN_CALLS_FOR_ERRORS = 10;
    private static final int MIN_CALLS_FOR_VOLUME = 50;

    private final BaselineStore store;
    private final BaselineSettings settings;
    private final AttackCatalog catalog;
    private final AutomationRecognizer automation;
    private final ActionCategories categories = ActionCategories.standard();

    public AnomalyDetector(BaselineStore store, BaselineSettings settings, AttackCatalog catalog) {
        this.store = store;
        this.settings = settings;
        this.catalog = catalog;
        this.automation = new AutomationRecognizer(settings.automation(), List.of());
    }

    @Override
    public String name() {
        return "baselines";
    }

    @Override
    public Void newState() {
        return null;
    }

    /** The baselines: learning states and sizes, for reports and the API. */
    public BaselineStore store() {
        return store;
    }

    public BaselineSettings settings() {
        return settings;
    }

    @Override
    public void prepare(Event event) {
        event.prepared(this, Observation.of(event, categories, settings.intelligence()));
    }

    @Override
    public List<Detection> detect(Void state, Event event) {
        Observation o = (Observation) event.preparedFor(this);
        if (o == null) {
            o = Observation.of(event, categories, settings.intelligence());
        }
        if (o == null || AutomationRecognizer.fromAwsInfrastructure(event) || automation.configuredAutomation(event) != null) {
            return List.of();
        }
        long now = event.eventTimeMillis();
        SubjectBaseline subject = store.subject(o.subject());
        AccountBaseline account = store.account(o.subject().accountId());
        AccountBaseline organisation = store.account(BaselineStore.ORGANISATION);
        SessionTally tally = tally(subject, event, now);
        tally.calls++;
        if (o.failed()) {
            tally.failures++;
        }
        long learningMillis = settings.learning().toMillis();
        boolean judging = !subject.learning(now, learningMillis) && !account.learning(now, learningMillis);
        List<Signal> signals = judging ? judge(o, subject, account, organisation, tally, event) : List.of();
        learn(o, subject, account, organisation, now);
        if (signals.isEmpty() && !tally.raised) {
            return List.of();
        }
        List<Signal> fresh = new ArrayList<>();
        for (Signal s : signals) {
            if (tally.add(s)) {
                fresh.add(s);
            }
        }
        return decide(o, subject, tally, fresh, event);
    }


    private SessionTally tally(SubjectBaseline subject, Event event, long now) {
        // The sessioniser's session, approximately: temporary keys by key id (unique), console sessions by principal
        // and sign-in time, the rest by principal and inactivity.
        SessionKind kind = SessionRules.kindOf(event);
        String key = switch (kind) {
            case TEMPORARY_KEY -> event.principal().accessKeyId();
            case CONSOLE -> event.principalKey() + '|' + event.principal().sessionCreationTime().toEpochMilli();
            default -> event.principalKey();
        };
        SessionTally tally = subject.sessions.get(key);
        long idle = kind == SessionKind.ACTIVITY ? ACTIVITY_GAP_MILLIS : CREDENTIAL_IDLE_MILLIS;
        // a tally spans at most a day: a key that calls every few minutes for months must not add up a month's departures
        if (tally == null || now - tally.lastSeen > idle || now - tally.firstSeen > MAX_TALLY_SPAN_MILLIS) {
            // sessions idle past the longest bound are over: their tallies go (workloads start sessions by the hour)
            subject.sessions.values().removeIf(t -> now - t.lastSeen > CREDENTIAL_IDLE_MILLIS);
            tally = new SessionTally();
            tally.firstSeen = now;
            subject.sessions.put(key, tally);
        }
        tally.lastSeen = Math.max(tally.lastSeen, now);
        return tally;
    }

    /** Every way the event departs from the baselines, before they learn it. */
    private List<Signal> judge(Observation o, SubjectBaseline s, AccountBaseline a, AccountBaseline org, SessionTally tally, Event event) {
        List<Signal> signals = new ArrayList<>(2);
        String who = s.name;
        long days = s.days(event.eventTimeMillis());
        int peers = Math.max(a.identities - 1, 0);
        String id = event.eventId();

        // Infrastructure-as-code runs change whatever the code says and run from whichever CI runner is free: new
        // actions and networks are its habit, as long as it is still the same tool making the calls.
        String usualAgent = s.agents.mostUsed();
        boolean iacHabit = o.agent() == AgentFamily.INFRASTRUCTURE_AS_CODE && AgentFamily.INFRASTRUCTURE_AS_CODE.name().equals(usualAgent);
        if (s.actions.get(o.action()) == null) {
            int users = a.users("action", o.action());
            // what the account's people do is weak evidence for a person; a workload's habits are its own
            double peerFactor = !s.workload && peers >= 4 && users * 4 >= peers ? 0.5 : 1.0;
            double weight = o.category().weight() * peerFactor * (iacHabit ? 0.25 : 1.0);
            signals.add(new Signal("action", o.action(), weight, o.category(), id,
                    who + " has called " + o.action() + " 0 times in " + days + " days (" + o.category().description()
                            + (s.services.get(o.service()) == null ? "; no call to " + o.service() + " at all before" : "")
                            + "; called by " + users + " of " + peers + " other identities in this account)"));
        }
        if (o.network() != null && s.networks.get(o.network()) == null) {
            int users = a.users("network", o.network());
            int orgUsers = org.users("network", o.network());
            int widest = Math.max(users, orgUsers);
            int known = s.networks.size();
            // with IP intelligence, who operates the address and where say more than its /24
            double weight = (widest == 0 ? 0.8 : widest >= 3 ? 0.15 : 0.6) * (known >= 6 ? 0.3 : known >= 3 ? 0.6 : 1.0)
                    * (iacHabit ? 0.25 : 1.0) * (o.operator() != null ? 0.5 : 1.0);
            String usual = s.networks.mostUsed();
            signals.add(new Signal("network", o.network(), weight, null, id,
                    "first request from network " + o.network() + " (" + event.sourceIp() + "; never seen for " + who
                            + (usual != null ? ", who works from " + usual : "") + "; seen for " + users + " of " + peers
                            + " other identities in this account" + (orgUsers > users ? ", " + orgUsers + " in the organisation" : "") + ")"));
        }
        if (o.operator() != null && s.operators.get(o.operator()) == null) {
            int users = org.users("operator", o.operator());
            double weight = (users >= 3 ? 0.15 : 0.5) * (s.operators.size() >= 4 ? 0.5 : 1.0) * (iacHabit ? 0.25 : 1.0);
            String usual = s.operators.mostUsed();
            signals.add(new Signal("operator", o.operator(), weight, null, id, "first request from "
                    + (o.operator().startsWith("AWS ") ? "AWS's own address space (" + o.operator() + ")" : o.operator())
                    + " (never seen for " + who + (usual != null ? ", usually " + usual : "") + "; used by " + users
                    + " other identities in the organisation)"));
        }
        if (o.country() != null && s.countries.get(o.country()) == null) {
            int users = org.users("country", o.country());
            double weight = (users >= 3 ? 0.2 : 0.7) * (iacHabit ? 0.25 : 1.0);
            String usual = s.countries.mostUsed();
            signals.add(new Signal("country", o.country(), weight, null, id, "first request from country " + o.country()
                    + " (never seen for " + who + (usual != null ? ", usually " + usual : "") + "; seen for " + users
                    + " other identities in the organisation)"));
        }
        if (o.agent() != AgentFamily.NONE && o.agent() != AgentFamily.AWS_SERVICE && s.agents.get(o.agent().name()) == null) {
            int users = a.users("agent", o.agent().name());
            double weight = o.agent().unusualForPeople() ? 0.8 : (users >= 3 ? 0.25 : 0.5) * (s.agents.size() >= 3 ? 0.5 : 1.0);
            String usual = usualAgent;
            signals.add(new Signal("agent", o.agent().name(), weight, null, id,
                    "user agent " + shorten(event.userAgent()) + " (" + o.agent().description() + ") is new for " + who
                            + (usual != null ? " (usually " + AgentFamily.valueOf(usual).description() + ")" : "")));
        }
        boolean narrowWorkload = s.workload && s.events >= MIN_EVENTS_FOR_REGIONS;
        if (o.region() != null && s.regions.get(o.region()) == null
                && (narrowWorkload || !commonInAccount(a, "region", o.region(), peers))) {
            int users = a.users("region", o.region());
            double weight = narrowWorkload ? 0.5 : users >= 3 ? 0.2 : 0.4;
            String usual = s.regions.mostUsed();
            signals.add(new Signal("region", o.region(), weight, null, id,
                    "first call in region " + o.region() + " in " + days + " days" + (usual != null ? " (usually " + usual + ")" : "")
                            + "; used by " + users + " of " + peers + " other identities in this account"));
        }
        if (o.actedOn() != null && s.actedOn.get(o.actedOn()) == null) {
            String[] kindAndName = o.actedOn().split("/", 2);
            signals.add(new Signal("acted-on", o.actedOn(), 0.4, o.category(), id, "first time " + who + " changes IAM "
                    + kindAndName[0] + " " + kindAndName[1] + " (" + o.action() + "; " + s.actedOn.size()
                    + (s.actedOn.size() == 1 ? " other identity" : " other identities") + " changed before)"));
        }
        long silence = s.lastSeen == Long.MIN_VALUE ? 0 : event.eventTimeMillis() - s.lastSeen;
        if (silence >= DORMANT_MILLIS && silence > 2 * s.longestGap) {
            signals.add(new Signal("dormant", "dormant", 0.6 * (iacHabit ? 0.25 : 1.0), null, id, String.format(Locale.ROOT,
                    "first call in %d days: %s was last seen %s, and had never been silent for more than %s before",
                    silence / DAY_MILLIS, who, java.time.Instant.ofEpochMilli(s.lastSeen), span(s.longestGap))));
        }
        if (o.targetAccount() != null && s.targets.get(o.targetAccount()) == null) {
            signals.add(new Signal("target", o.targetAccount(), 0.5, null, id,
                    "first call into account " + o.targetAccount() + " (other than " + who + "'s own " + s.accountId + ")"));
        }
        int h = o.hourOfDay();
        if (s.events >= MIN_EVENTS_FOR_HOURS && s.hourOfDay[h] + s.hourOfDay[(h + 23) % 24] + s.hourOfDay[(h + 1) % 24] == 0) {
            signals.add(new Signal("hour", "hour", 0.4, null, id,
                    String.format(Locale.ROOT, "active at %02d:00 UTC on a %s, when %s never was in %d days (%d of %d calls at this hour of the day)",
                            o.hourOfDay(), DAYS[o.hourOfWeek() / 24], who, days, s.hourOfDay[o.hourOfDay()], s.events)));
        }
        if (!tally.errorsSignalled && tally.calls >= MIN_CALLS_FOR_ERRORS) {
            double rate = (double) tally.failures / tally.calls;
            // the identity's usual rate, before this session (whose earlier calls it has already learned)
            long before = s.events - (tally.calls - 1);
            long failedBefore = s.failures - (tally.failures - (o.failed() ? 1 : 0));
            double usual = before <= 0 ? 0 : (double) failedBefore / before;
            if (rate >= 0.5 && rate >= usual + 0.4) {
                tally.errorsSignalled = true;
                double weight = Math.min(0.8, 0.5 + (rate - usual - 0.4));
                signals.add(new Signal("errors", "rate", weight, null, id, String.format(Locale.ROOT,
                        "%d of %d calls in this session failed (%.0f%%), against %.0f%% of %s's calls usually",
                        tally.failures, tally.calls, rate * 100, usual * 100, who)));
            }
        }
        int sessionCalls = tally.calls(o.action());
        if (sessionCalls == MIN_CALLS_FOR_VOLUME || sessionCalls > MIN_CALLS_FOR_VOLUME && Integer.bitCount(sessionCalls) == 1) {
            ValueHistory.Seen seen = s.actions.get(o.action());
            // the identity's usual daily rate, before this session (whose earlier calls it has already learned)
            long before = seen == null ? 0 : Math.max(0, seen.count() - (sessionCalls - 1));
            double perDay = (double) before / Math.max(1, days);
            if (sessionCalls >= 10 * Math.max(perDay, 5)) {
                signals.add(new Signal("volume", o.action(), 0.4, o.category(), id, String.format(Locale.ROOT,
                        "%d calls to %s in this session, against about %.0f a day usually", sessionCalls, o.action(), perDay)));
            }
        }
        return signals;
    }

    /** A value a quarter or more of the account's other identities (at least three) use: the organisation's normal. */
    private static boolean commonInAccount(AccountBaseline a, String kind, String value, int peers) {
        int users = a.users(kind, value);
        return users >= 3 && users * 4 >= peers;
    }

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static String span(long millis) {
        return millis >= DAY_MILLIS ? millis / DAY_MILLIS + " days" : Math.max(1, millis / 3_600_000L) + " hours";
    }

    private static void learn(Observation o, SubjectBaseline s, AccountBaseline a, AccountBaseline org, long now) {
        if (s.firstSeen == Long.MAX_VALUE) {
            a.identities++;
            org.identities++;
        } else if (now > s.lastSeen) {
            s.longestGap = Math.max(s.longestGap, now - s.lastSeen);
        }
        org.firstSeen = Math.min(org.firstSeen, now);
        s.firstSeen = Math.min(s.firstSeen, now);
        s.lastSeen = Math.max(s.lastSeen, now);
        a.firstSeen = Math.min(a.firstSeen, now);
        s.events++;
        if (o.failed()) {
            s.failures++;
        }
        s.hourOfWeek[o.hourOfWeek()]++;
        s.hourOfDay[o.hourOfDay()]++;
        if (s.actions.record(o.action(), now) && s.adopted.add("action", o.action())) {
            a.adopted("action", o.action());
        }
        s.services.record(o.service(), now);
        if (s.networks.record(o.network(), now) && s.adopted.add("network", o.network())) {
            a.adopted("network", o.network());
            org.adopted("network", o.network());
        }
        if (s.operators.record(o.operator(), now) && s.adopted.add("operator", o.operator())) {
            org.adopted("operator", o.operator());
        }
        if (s.countries.record(o.country(), now) && s.adopted.add("country", o.country())) {
            org.adopted("country", o.country());
        }
        if (s.agents.record(o.agent().name(), now) && s.adopted.add("agent", o.agent().name())) {
            a.adopted("agent", o.agent().name());
        }
        if (s.regions.record(o.region(), now) && s.adopted.add("region", o.region())) {
            a.adopted("region", o.region());
        }
        s.targets.record(o.targetAccount(), now);
        s.actedOn.record(o.actedOn(), now);
    }

    /**
     * The session's first detection when its score reaches the threshold (with two kinds of departure, or twice the
     * threshold from one); after it, one per never-seen sensitive call.
     */
    private List<Detection> decide(Observation o, SubjectBaseline s, SessionTally tally, List<Signal> fresh, Event event) {
        if (tally.detections >= MAX_DETECTIONS_PER_SESSION) {
            return List.of();
        }
        double threshold = settings.sessionThreshold();
        if (!tally.raised) {
            if (!fresh.isEmpty() && tally.score >= threshold
                    && (tally.hasContext() && tally.kinds.size() >= 2 || tally.score >= 2 * threshold)) {
                tally.raised = true;
                tally.detections++;
                if (o.category().weight() >= KEY_CALL_WEIGHT) {
                    tally.reported.add(o.category());
                }
                return List.of(detection(SESSION_RULE_ID, "Unusual activity for " + s.name + ": " + summary(tally.signals),
                        tally.signals, tally, event));
            }
            return List.of();
        }
        // The session is anomalous: name each of its sensitive steps, a never-seen sensitive call, and the first call of
        // each sensitive category even when the identity makes it elsewhere (stolen keys use what the victim uses).
        boolean neverSeen = fresh.stream().anyMatch(sig -> sig.kind().equals("action") && sig.category() != null && sig.category().sensitive());
        boolean firstOfItsKind = o.category().weight() >= KEY_CALL_WEIGHT && tally.reported.add(o.category());
        if (!neverSeen && !firstOfItsKind) {
            return List.of();
        }
        tally.detections++;
        if (neverSeen) {
            return List.of(detection(SENSITIVE_RULE_ID, "First " + o.action() + " by " + s.name + " in an unusual session",
                    fresh, tally, event));
        }
        ValueHistory.Seen seen = s.actions.get(o.action());
        List<Signal> explained = new ArrayList<>(fresh);
        explained.add(0, new Signal("action", o.action(), 0, o.category(), event.eventId(), String.format(Locale.ROOT,
                "%s (%s) in this unusual session; %s has made this call %d times in %d days, in its usual sessions",
                o.action(), o.category().description(), s.name, seen == null ? 0 : seen.count() - 1, s.days(event.eventTimeMillis()))));
        return List.of(detection(SENSITIVE_RULE_ID, o.action() + " by " + s.name + " in an unusual session", explained, tally, event));
    }

    private Detection detection(String ruleId, String title, List<Signal> signals, SessionTally tally, Event event) {
        Set<String> tacticIds = new LinkedHashSet<>();
        Set<String> techniqueIds = new LinkedHashSet<>();
        boolean sensitive = false;
        boolean critical = false;
        for (Signal sig : signals) {
            if (sig.category() != null && sig.kind().equals("action")) {
                tacticIds.addAll(sig.category().tactics());
                techniqueIds.addAll(sig.category().techniques());
                sensitive |= sig.category().sensitive();
                critical |= sig.category().weight() >= 1.0;
            } else if (!sig.kind().equals("action")) {
                tacticIds.addAll(ActionCategory.VALID_ACCOUNTS_TACTICS);
                techniqueIds.addAll(ActionCategory.VALID_ACCOUNTS);
            }
        }
        List<Tactic> tactics = new ArrayList<>();
        for (String t : tacticIds) {
            catalog.tactic(t).ifPresent(tactics::add);
        }
        List<Technique> techniques = new ArrayList<>();
        for (String t : techniqueIds) {
            catalog.technique(catalog.translate(t)).ifPresent(techniques::add);
        }
        Severity severity = tally.score >= 3.5 || critical ? Severity.HIGH : tally.score >= 2 || sensitive ? Severity.MEDIUM : Severity.LOW;
        List<String> eventIds = new ArrayList<>();
        for (Signal sig : signals) {
            if (eventIds.size() < MAX_EVENT_IDS && !eventIds.contains(sig.eventId())) {
                eventIds.add(sig.eventId());
            }
        }
        if (!eventIds.contains(event.eventId())) {
            eventIds.add(event.eventId());
        }
        StringBuilder text = new StringBuilder();
        int reads = 0;
        int leftOut = 0;
        for (Signal sig : signals) {
            boolean read = sig.kind().equals("action") && sig.category() != null && sig.category().reads();
            if (read && ++reads > MAX_READS_EXPLAINED) {
                leftOut++;
                continue;
            }
            text.append(text.isEmpty() ? "" : "; ").append(sig.text());
        }
        if (leftOut > 0) {
            text.append("; and ").append(leftOut).append(leftOut == 1 ? " more first-time read" : " more first-time reads");
        }
        text.append(String.format(Locale.ROOT, ". Session anomaly score %.1f (threshold %.1f).", tally.score, settings.sessionThreshold()));
        return new Detection(DetectionKind.ANOMALY, ruleId, title, severity, event.eventId(), event.eventTimeMillis(),
                eventIds, catalog.sortByKillChain(tactics), techniques, text.toString());
    }

    /** "new network, new client, first iam:CreateAccessKey": the kinds of departure, most weighty first. */
    private static String summary(List<Signal> signals) {
        List<Signal> sorted = new ArrayList<>(signals);
        sorted.sort((x, y) -> Double.compare(y.weight(), x.weight()));
        Set<String> parts = new LinkedHashSet<>();
        for (Signal sig : sorted) {
            parts.add(switch (sig.kind()) {
                case "action" -> "first " + sig.value();
                case "network" -> "new network";
                case "operator" -> "new network operator";
                case "country" -> "new country";
                case "agent" -> "new client";
                case "region" -> "new region";
                case "target" -> "new target account";
                case "dormant" -> "back after a long silence";
                case "acted-on" -> "first change to " + sig.value();
                case "hour" -> "unusual hour";
                case "errors" -> "many failed calls";
                default -> "unusual volume of " + sig.value();
            });
            if (parts.size() == 4) {
                break;
            }
        }
        return String.join(", ", parts);
    }

    private static String shorten(String userAgent) {
        if (userAgent == null) {
            return "(none)";
        }
        return userAgent.length() <= 60 ? userAgent : userAgent.substring(0, 57) + "...";
    }
}
