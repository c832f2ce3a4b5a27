package dev.trailhound.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores a {@link BaselineStore}, so that a long-running service keeps what it learned across
 * restarts. The format is versioned JSON, written and read as a stream (no tree of the whole store in memory):
 *
 * <pre>{"format":"trailhound-baselines/1",
 *  "identities":[{"key","name","account","firstSeen","lastSeen","events","failures","longestGap","workload",
 *                 "actions":[[value,count,first,last]...], "services", "regions", "networks", "operators",
 *                 "countries", "agents", "targets", "actedOn",
 *                 "hourOfWeek":[168 counts], "hourOfDay":[24 counts], "adopted":[value hashes]}...],
 *  "accounts":[{"id","firstSeen","identities","peers":[[kind+NUL+value, users]...]}...]}</pre>
 *
 * Histories are written least recently used first and restored in that order, so what would be forgotten next
 * stays the same. Open sessions' tallies are not saved: a session in flight across a restart starts its tally
 * again (its events are still judged against the restored baseline).
 */
public final class BaselineSnapshot {
    public static final String FORMAT = "trailhound-baselines/1";
    private static final JsonFactory JSON = new JsonFactory();

    private BaselineSnapshot() {
    }

    public static void write(BaselineStore store, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeArrayFieldStart("identities");
            for (SubjectBaseline b : store.subjectBaselines()) {
                g.writeStartObject();
                g.writeStringField("key", b.key);
                g.writeStringField("name", b.name);
                g.writeStringField("account", b.accountId);
                g.writeNumberField("firstSeen", b.firstSeen);
                g.writeNumberField("lastSeen", b.lastSeen);
                g.writeNumberField("events", b.events);
                g.writeNumberField("failures", b.failures);
                g.writeNumberField("longestGap", b.longestGap);
                g.writeBooleanField("workload", b.workload);
                history(g, "actions", b.actions);
                history(g, "services", b.services);
                history(g, "regions", b.regions);
                history(g, "networks", b.networks);
                history(g, "operators", b.operators);
                history(g, "countries", b.countries);
                history(g, "agents", b.agents);
                history(g, "targets", b.targets);
                history(g, "actedOn", b.actedOn);
                counts(g, "hourOfWeek", b.hourOfWeek);
                counts(g, "hourOfDay", b.hourOfDay);
                g.writeFieldName("adopted");
                int[] adopted = b.adopted.hashes();
                g.writeArray(adopted, 0, adopted.length);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accounts");
            for (AccountBaseline a : store.accountBaselines()) {
                g.writeStartObject();
                g.writeStringField("id", a.accountId);
                g.writeNumberField("firstSeen", a.firstSeen);
                g.writeNumberField("identities", a.identities);
                g.writeArrayFieldStart("peers");
                for (Map.Entry<String, int[]> e : a.peerCounts().entrySet()) {
                    g.writeStartArray();
                    g.writeString(e.getKey());
                    g.writeNumber(e.getValue()[0]);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void history(JsonGenerator g, String name, ValueHistory h) throws IOException {
        g.writeArrayFieldStart(name);
        for (Map.Entry<String, ValueHistory.Seen> e : h.view().entrySet()) {
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeNumber(e.getValue().count());
            g.writeNumber(e.getValue().first());
            g.writeNumber(e.getValue().last());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void counts(JsonGenerator g, String name, int[] counts) throws IOException {
        g.writeArrayFieldStart(name);
        for (int c : counts) {
            g.writeNumber(c);
        }
        g.writeEndArray();
    }

    /**
     * Reads a snapshot written by {@link #write}.
     *
     * @param source names the snapshot in errors (a file path)
     * @throws SnapshotException naming the source, the line and column, and what was expected
     */
    public static BaselineStore read(InputStream in, String source) throws IOException {
        BaselineStore store = new BaselineStore();
        try (JsonParser p = JSON.createParser(in)) {
            Reader r = new Reader(p, source);
            r.expect(JsonToken.START_OBJECT, "a JSON object");
            boolean formatSeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> {
                        if (!FORMAT.equals(p.getValueAsString())) {
                            throw r.problem("format '" + p.getText() + "' is not " + FORMAT + ": write it with this version of Trailhound");
                        }
                        formatSeen = true;
                    }
                    case "identities" -> {
                        r.require(formatSeen);
                        r.objects("identities", "identity", () -> store.put(r.identity()));
                    }
                    case "accounts" -> {
                        r.require(formatSeen);
                        r.objects("accounts", "account", () -> store.put(r.account()));
                    }
                    default -> p.skipChildren();
                }
            }
            if (!formatSeen) {
                throw r.problem("no \"format\" field: not a Trailhound baseline snapshot");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SnapshotException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return store;
    }

    /** A snapshot that cannot be read, with where and why. */
    public static final class SnapshotException extends IOException {
        SnapshotException(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private record Reader(JsonParser p, String source) {
        SnapshotException problem(String what) {
            return new SnapshotException(source + ": line " + p.currentLocation().getLineNr() + ", column "
                    + p.currentLocation().getColumnNr() + ": " + what);
        }

        void expect(JsonToken token, String what) throws IOException {
            p.nextToken();
            at(token, what);
        }

        void at(JsonToken token, String what) throws IOException {
            if (p.currentToken() != token) {
                throw problem("expected " + what + ", found " + p.currentToken());
            }
        }

        /** An array of objects, each read by {@code each} (positioned on its START_OBJECT). */
        void objects(String field, String what, IoAction each) throws IOException {
            at(JsonToken.START_ARRAY, field + ": an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                each.run();
            }
            at(JsonToken.END_ARRAY, field + ": an object for each " + what);
        }

        void require(boolean formatSeen) throws IOException {
            if (!formatSeen) {
                throw problem("the \"format\" field must come first");
            }
        }

        SubjectBaseline identity() throws IOException {
            String key = null;
            String name = null;
            String account = null;
            long firstSeen = Long.MAX_VALUE;
            long lastSeen = Long.MIN_VALUE;
            long events = 0;
            long failures = 0;
            long longestGap = 0;
            boolean workload = false;
            // histories come after the scalar fields in what write() produces; they are kept until the end to be safe
            Map<String, List<Object[]>> histories = new HashMap<>();
            int[] week = null;
            int[] day = null;
            List<Integer> adopted = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "key" -> key = p.getValueAsString();
                    case "name" -> name = p.getValueAsString();
                    case "account" -> account = p.getValueAsString();
                    case "firstSeen" -> firstSeen = number();
                    case "lastSeen" -> lastSeen = number();
                    case "events" -> events = number();
                    case "failures" -> failures = number();
                    case "longestGap" -> longestGap = number();
                    case "workload" -> {
                        if (!p.currentToken().isBoolean()) {
                            throw problem("workload: expected true or false, found " + p.currentToken());
                        }
                        workload = p.getBooleanValue();
                    }
                    case "actions", "services", "regions", "networks", "operators", "countries", "agents", "targets", "actedOn" ->
                            histories.put(field, history(field));
                    case "hourOfWeek" -> week = counts(field, 168);
                    case "hourOfDay" -> day = counts(field, 24);
                    case "adopted" -> {
                        at(JsonToken.START_ARRAY, "adopted: an array of whole numbers");
                        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                            long h = p.getLongValue();
                            if (h == 0 || h < Integer.MIN_VALUE || h > Integer.MAX_VALUE) {
                                throw problem("adopted: " + h + " is not a stored value hash");
                            }
                            adopted.add((int) h);
                        }
                        at(JsonToken.END_ARRAY, "adopted: whole numbers only");
                    }
                    default -> p.skipChildren();
                }
            }
            if (key == null) {
                throw problem("an identity without \"key\"");
            }
            SubjectBaseline b = new SubjectBaseline(key, name == null ? key : name, account, workload);
            b.longestGap = longestGap;
            b.firstSeen = firstSeen;
            b.lastSeen = lastSeen;
            b.events = events;
            b.failures = failures;
            fill(b.actions, histories.get("actions"));
            fill(b.services, histories.get("services"));
            fill(b.regions, histories.get("regions"));
            fill(b.networks, histories.get("networks"));
            fill(b.operators, histories.get("operators"));
            fill(b.countries, histories.get("countries"));
            fill(b.agents, histories.get("agents"));
            fill(b.targets, histories.get("targets"));
            fill(b.actedOn, histories.get("actedOn"));
            if (week != null) {
                System.arraycopy(week, 0, b.hourOfWeek, 0, 168);
            }
            if (day != null) {
                System.arraycopy(day, 0, b.hourOfDay, 0, 24);
            }
            for (int h : adopted) {
                b.adopted.addHash(h);
            }
            return b;
        }

        private static void fill(ValueHistory h, List<Object[]> entries) {
            if (entries != null) {
                for (Object[] e : entries) {
                    h.restore((String) e[0], (Long) e[1], (Long) e[2], (Long) e[3]);
                }
            }
        }

        private List<Object[]> history(String field) throws IOException {
            at(JsonToken.START_ARRAY, field + ": an array of [value, count, first, last]");
            List<Object[]> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                at(JsonToken.VALUE_STRING, field + ": a value (text)");
                String value = p.getText();
                p.nextToken();
                long count = number();
                if (count < 0) {
                    throw problem(field + ": a negative count");
                }
                if (field.equals("agents") && AgentFamily.named(value) == null) {
                    throw problem("agents: '" + value + "' is not a user-agent family of this version; one of "
                            + java.util.Arrays.toString(AgentFamily.values()));
                }
                p.nextToken();
                long first = number();
                p.nextToken();
                long last = number();
                expect(JsonToken.END_ARRAY, field + ": the end of [value, count, first, last]");
                entries.add(new Object[] {value, count, first, last});
            }
            at(JsonToken.END_ARRAY, field + ": the end of the array");
            return entries;
        }

        private int[] counts(String field, int size) throws IOException {
            at(JsonToken.START_ARRAY, field + ": an array of " + size + " counts");
            int[] counts = new int[size];
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i == size) {
                    throw problem(field + ": more than " + size + " counts");
                }
                counts[i++] = count();
            }
            if (i != size) {
                throw problem(field + ": " + i + " counts, expected " + size);
            }
            return counts;
        }

        AccountBaseline account() throws IOException {
            String id = null;
            long firstSeen = Long.MAX_VALUE;
            int identities = 0;
            List<Object[]> peers = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = p.getValueAsString();
                    case "firstSeen" -> firstSeen = number();
                    case "identities" -> identities = count();
                    case "peers" -> {
                        at(JsonToken.START_ARRAY, "peers: an array of [value, users]");
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            p.nextToken();
                            at(JsonToken.VALUE_STRING, "peers: a value (text)");
                            String key = p.getText();
                            p.nextToken();
                            int users = count();
                            expect(JsonToken.END_ARRAY, "peers: the end of [value, users]");
                            peers.add(new Object[] {key, users});
                        }
                        at(JsonToken.END_ARRAY, "peers: an array of [value, users]");
                    }
                    default -> p.skipChildren();
                }
            }
            if (id == null) {
                throw problem("an account without \"id\"");
            }
            AccountBaseline a = new AccountBaseline(id);
            a.firstSeen = firstSeen;
            a.identities = identities;
            for (Object[] e : peers) {
                a.restorePeers((String) e[0], (Integer) e[1]);
            }
            return a;
        }

        /** A count: a whole number from 0 to Integer.MAX_VALUE. */
        private int count() throws IOException {
            long n = number();
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw problem("expected a count from 0 to " + Integer.MAX_VALUE + ", found " + n);
            }
            return (int) n;
        }

        private long number() throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw problem("expected a whole number, found " + p.currentToken());
            }
            return p.getLongValue();
        }
    }
}
