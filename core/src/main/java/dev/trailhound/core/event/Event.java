package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One CloudTrail record: the normalised fields every stage needs, plus the record's original JSON text.
 *
 * <p>The JSON tree is built lazily from the kept bytes, on first use by a rule, the asset resolver or the
 * console, so that reading, ordering and sessionising never pay for a tree. Assets are derived once from
 * the tree by {@link AssetResolver}.
 */
public final class Event {
    /** A reader made once: {@code ObjectMapper.readTree} resolves the target type again on every call. */
    private static final ObjectReader TREE_READER = new ObjectMapper().reader();

    private final String eventId;
    private final long eventTimeMillis;
    private final String accountId;
    private final String region;
    private final String service;
    private final String action;
    private final String eventType;
    private final Boolean readOnly;
    private final String errorCode;
    private final String errorMessage;
    private final String sourceIp;
    private final String userAgent;
    private final Principal principal;
    private final byte[] json;
    private JsonNode tree;
    private String latin1;
    private FieldSelection selection;
    private JsonNode selected;
    /** What detectors prepared ahead of time: two slots (the rule engine, the baselines), tagged by whom. */
    private Object preparedBy;
    private Object prepared;
    private Object preparedBy2;
    private Object prepared2;
    private List<Asset> assets;
    private String principalKey;

    /**
     * @param json the record's JSON as UTF-8 bytes, exactly as read (not copied; the caller gives it up)
     */
    public Event(String eventId, Instant eventTime, String accountId, String region, String service,
            String action, String eventType, Boolean readOnly, String errorCode, String errorMessage,
            String sourceIp, String userAgent, Principal principal, byte[] json) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.eventTimeMillis = eventTime.toEpochMilli();
        this.accountId = accountId;
        this.region = region;
        this.service = Objects.requireNonNull(service, "service");
        this.action = Objects.requireNonNull(action, "action");
        this.eventType = eventType;
        this.readOnly = readOnly;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.principal = Objects.requireNonNull(principal, "principal");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** {@code eventID}: unique per record; duplicates of a delivery share it. */
    public String eventId() { return eventId; }

    public Instant eventTime() { return Instant.ofEpochMilli(eventTimeMillis); }

    /** Event time in epoch milliseconds: the ordering key. */
    public long eventTimeMillis() { return eventTimeMillis; }

    /** {@code recipientAccountId}, falling back to the principal's account. */
    public String accountId() { return accountId; }

    /** {@code awsRegion}. */
    public String region() { return region; }

    /** {@code eventSource}, e.g. {@code iam.amazonaws.com}. */
    public String service() { return service; }

    /** {@code eventName}, e.g. {@code CreateAccessKey}. */
    public String action() { return action; }

    /** {@code eventType}: AwsApiCall, AwsConsoleSignIn, AwsServiceEvent, AwsCloudTrailInsight... */
    public String eventType() { return eventType; }

    /** {@code readOnly}, or null when the record does not say. */
    public Boolean readOnly() { return readOnly; }

    public String errorCode() { return errorCode; }

    public String errorMessage() { return errorMessage; }

    /** {@code sourceIPAddress}: an IP address, or an AWS service name for calls made by a service. */
    public String sourceIp() { return sourceIp; }

    public String userAgent() { return userAgent; }

    public Principal principal() { return principal; }

    /**
     * Whose activity this is ({@link PrincipalKeys}), computed once: the reading threads compute it while the
     * event is still in their cache, so the single thread that orders and sessionises events only reads it.
     */
    public String principalKey() {
        String key = principalKey;
        if (key == null) {
            key = PrincipalKeys.of(this);
            principalKey = key;
        }
        return key;
    }

    /** The service prefix of {@code eventSource} and the action, as IAM writes them: {@code iam:CreateUser}. */
    public String qualifiedAction() {
        int dot = service.indexOf('.');
        return (dot > 0 ? service.substring(0, dot) : service) + ':' + action;
    }

    /** The record's JSON text. */
    public String jsonText() { return new String(json, StandardCharsets.UTF_8); }

    /** The record's JSON as UTF-8: the event's own array, handed out to spare a copy per stored event; never modify it. */
    public byte[] jsonUtf8() { return json; }

    /**
     * False when the record's JSON text cannot hold a member named by {@code quotedKey} (an ASCII name in
     * quotes): a scan of the text that spares building a tree for a field the record does not have.
     */
    public boolean mayHaveMember(String quotedKey) {
        String text = latin1;
        if (text == null) {
            // Each byte as one char: member names are ASCII, so a match here is a match in the UTF-8 text, and
            // String.indexOf on such text is vectorised by the JDK.
            text = new String(json, StandardCharsets.ISO_8859_1);
            latin1 = text;
        }
        return text.indexOf(quotedKey) >= 0;
    }

    /** Size of the record's JSON in bytes. */
    public int jsonLength() { return json.length; }

    /** The record as a JSON tree, built on first use. */
    public JsonNode json() {
        JsonNode t = tree;
        if (t == null) {
            try {
                t = TREE_READER.readTree(json);
            } catch (IOException e) {
                // The bytes were parsed successfully when the event was read; failing now is a bug.
                throw new UncheckedIOException("event " + eventId + " no longer parses", e);
            }
            tree = t;
        }
        return t;
    }

    /**
     * Declares the paths that will be read through {@link #fields()} (the rules this event may match), so that
     * a partial tree of just those paths can stand in for the whole one.
     */
    public void select(FieldSelection paths) {
        if (paths != selection) {
            selection = paths;
            selected = null;
        }
    }

    /**
     * The record's tree for reading the selected paths: the whole tree when one is built or nothing was
     * selected, else a partial tree of the selected paths, built on first use in one streaming pass.
     */
    public JsonNode fields() {
        JsonNode t = tree;
        if (t != null || selection == null) {
            return json();
        }
        JsonNode s = selected;
        if (s == null) {
            try {
                s = selection.extract(json, TREE_READER.getFactory(), TREE_READER);
            } catch (IOException e) {
                throw new UncheckedIOException("event " + eventId + " no longer parses", e);
            }
            selected = s;
        }
        return s;
    }

    /** True when a tree to read fields from is already built (then checking the text first would only cost). */
    public boolean hasFields() {
        return tree != null || selected != null;
    }

    /** Lets go of the whole tree and the text view (kept: the small partial tree of the selected paths). */
    public void forgetText() {
        tree = null;
        latin1 = null;
    }

    /**
     * Drops the cached JSON tree. A tree is several times the size of the record's bytes; events stay in memory
     * while their session is open, so the pipeline lets go of the tree once detection is done with the event
     * (a later {@link #json()} builds it again).
     */
    public void forgetTree() {
        tree = null;
        latin1 = null;
        selected = null;
    }

    /**
     * Keeps what a detector worked out ahead of time for this event ({@code Detector.prepare}), tagged with what
     * it was worked out against (e.g. the rule set), replacing what was kept before against the same tag. Two
     * tags fit (one per detector of a scan); a third replaces the older second.
     */
    public void prepared(Object by, Object value) {
        if (preparedBy == null || preparedBy == by) {
            this.preparedBy = by;
            this.prepared = value;
        } else {
            this.preparedBy2 = by;
            this.prepared2 = value;
        }
    }

    /** What was prepared against {@code by} (the same instance), or null. */
    public Object preparedFor(Object by) {
        return preparedBy == by ? prepared : preparedBy2 == by ? prepared2 : null;
    }

    /** The resources this event acted on, derived from the record by {@link AssetResolver}. */
    public List<Asset> assets() {
        List<Asset> a = assets;
        if (a == null) {
            a = AssetResolver.standard().resolve(service, action, json());
            assets = a;
        }
        return a;
    }

    @Override
    public String toString() {
        return "Event[" + eventId + " " + eventTime() + " " + qualifiedAction() + " by " + principal.arn() + "]";
    }
}
