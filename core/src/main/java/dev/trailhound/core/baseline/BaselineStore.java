package dev.trailhound.core.baseline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baselines of every identity and account, keyed by {@link Subject#key()} and account id: the anomaly
 * detector's state. It is not per principal (a role's baseline spans all its sessions, an account's spans its
 * identities), so a partitioned runtime keeps it in its own keyed stage. Bounded to {@value #MAX_SUBJECTS}
 * identities and {@value #MAX_ACCOUNTS} accounts; past that, the one silent the longest is forgotten (and would learn
 * again from scratch). Not thread-safe: one thread (the detector's) uses it.
 */
public final class BaselineStore {
    static final int MAX_SUBJECTS = 100_000;
    static final int MAX_ACCOUNTS = 10_000;

    private final Map<String, SubjectBaseline> subjects = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SubjectBaseline> eldest) {
            return size() > MAX_SUBJECTS;
        }
    };
    /** Accounts seen (own and foreign); the one unused longest is forgotten past {@value #MAX_ACCOUNTS}. */
    private final Map<String, AccountBaseline> accounts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AccountBaseline> eldest) {
            return size() > MAX_ACCOUNTS && !eldest.getKey().equals(ORGANISATION);
        }
    };

    SubjectBaseline subject(Subject subject) {
        SubjectBaseline b = subjects.get(subject.key());
        if (b == null) {
            b = new SubjectBaseline(subject.key(), subject.name(), subject.accountId(), subject.workload());
            subjects.put(subject.key(), b);
        }
        return b;
    }

    /** Counts across every account: what the organisation as a whole works from. */
    static final String ORGANISATION = "*";

    /** Identities whose account the record does not name share one account baseline. */
    private static String accountKey(String accountId) {
        return accountId == null ? "unknown" : accountId;
    }

    AccountBaseline account(String accountId) {
        String key = accountKey(accountId);
        AccountBaseline b = accounts.get(key);
        if (b == null) {
            b = new AccountBaseline(key);
            accounts.put(key, b);
        }
        return b;
    }

    /**
     * The learning state of an identity's baseline at event time {@code now}, or null when it has none. Like every
     * method of the store, for the thread that runs the detector (a lookup counts as a use for eviction).
     */
    public LearningState learningState(String subjectKey, Instant now, BaselineSettings settings) {
        SubjectBaseline b = subjects.get(subjectKey);
        if (b == null) {
            return null;
        }
        long millis = now.toEpochMilli();
        AccountBaseline a = accounts.get(accountKey(b.accountId));
        boolean learning = b.learning(millis, settings.learning().toMillis()) || a != null && a.learning(millis, settings.learning().toMillis());
        return new LearningState(subjectKey, Instant.ofEpochMilli(b.firstSeen), b.days(millis), settings.learning().toDays(), learning);
    }

    /**
     * What an identity's baseline holds, found by its key, by an ARN of it (an assumed-role session ARN finds its
     * role's or its person's baseline), or by its name (the most recently active one when several share it). Its
     * learning state is taken at the latest event time any identity has seen. For the detector's thread.
     */
    public java.util.Optional<BaselineView> view(String id, BaselineSettings settings, int topValues) {
        SubjectBaseline found = find(id.trim());
        if (found == null) {
            return java.util.Optional.empty();
        }
        long now = Long.MIN_VALUE;
        for (SubjectBaseline b : subjects.values()) {
            now = Math.max(now, b.lastSeen);
        }
        return java.util.Optional.of(BaselineView.of(found, learningState(found.key, Instant.ofEpochMilli(now), settings), topValues));
    }

    private SubjectBaseline find(String id) {
        for (String key : new String[] {id, Subject.PERSON_PREFIX + id.toLowerCase(java.util.Locale.ROOT), roleKey(id)}) {
            if (key != null && subjects.containsKey(key)) {
                return subjects.get(key);
            }
        }
        int slash = id.lastIndexOf('/');
        if (id.contains(":assumed-role/") && slash > 0) {
            SubjectBaseline person = subjects.get(Subject.PERSON_PREFIX + id.substring(slash + 1).toLowerCase(java.util.Locale.ROOT));
            if (person != null) {
                return person;
            }
        }
        SubjectBaseline byName = null;
        for (SubjectBaseline b : subjects.values()) {
            if (b.name != null && b.name.equalsIgnoreCase(id) && (byName == null || b.lastSeen > byName.lastSeen)) {
                byName = b;
            }
        }
        return byName;
    }

    /** {@code arn:aws:iam::<account>:role/<role>} for {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, or null. */
    private static String roleKey(String arn) {
        int marker = arn.indexOf(":assumed-role/");
        if (marker < 0) {
            return null;
        }
        int slash = arn.indexOf('/', marker + ":assumed-role/".length());
        if (slash < 0) {
            return null;
        }
        String account = arn.substring(arn.lastIndexOf(':', marker - 1) + 1, marker);
        return "arn:aws:iam::" + account + ":role/" + arn.substring(marker + ":assumed-role/".length(), slash);
    }

    /** Every identity's baseline, least recently used first (for snapshots). */
    Iterable<SubjectBaseline> subjectBaselines() {
        return java.util.List.copyOf(subjects.values());
    }

    Iterable<AccountBaseline> accountBaselines() {
        return java.util.List.copyOf(accounts.values());
    }

    void put(SubjectBaseline b) {
        subjects.put(b.key, b);
    }

    void put(AccountBaseline a) {
        accounts.put(a.accountId, a);
    }

    /**
     * How many identities are still learning at the latest event time any of them has seen (the end of a scan),
     * their accounts' learning counted too.
     */
    public int learning(BaselineSettings settings) {
        long now = Long.MIN_VALUE;
        for (SubjectBaseline b : subjects.values()) {
            now = Math.max(now, b.lastSeen);
        }
        long period = settings.learning().toMillis();
        int learning = 0;
        for (SubjectBaseline b : subjects.values()) {
            AccountBaseline a = accounts.get(accountKey(b.accountId));
            if (b.learning(now, period) || a != null && a.learning(now, period)) {
                learning++;
            }
        }
        return learning;
    }

    /** Identities with a baseline. */
    public int subjects() {
        return subjects.size();
    }

    /** Rough bytes held by every baseline. */
    public long estimatedBytes() {
        long bytes = 0;
        for (SubjectBaseline b : subjects.values()) {
            bytes += b.estimatedBytes();
        }
        for (AccountBaseline a : accounts.values()) {
            bytes += a.estimatedBytes();
        }
        return bytes;
    }
}
