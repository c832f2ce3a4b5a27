package dev.trailhound.core.baseline;

import dev.trailhound.core.event.Asset;
import dev.trailhound.core.event.Event;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a baseline looks at in one event, worked out on the reading threads ({@code prepare}) so that the single
 * thread that learns only compares and counts.
 *
 * @param subject       whose habits judge the event
 * @param action        {@code service:Action}
 * @param service       the service's prefix ({@code iam})
 * @param category      how sensitive the action is
 * @param region        the event's region
 * @param network       the source network (/24, /48), or null when the source is not an address
 * @param operator      who operates the source address ("AS14061 DIGITALOCEAN-ASN", "AWS EC2 us-east-1"), or null
 *                      when no IP intelligence is configured or it does not know the address
 * @param country       where the source address is (ISO 3166 alpha-2), or null
 * @param agent         the user agent's family
 * @param targetAccount the account acted in when it is not the identity's own, else null
 * @param actedOn       for changes to IAM identities, the user or role changed ("user/bob") when it is not the caller
 *                      itself, else null
 * @param failed        the call failed (an error code)
 * @param hourOfWeek    0 (Monday 00:00 UTC) to 167
 * @param hourOfDay     0 to 23, UTC
 */
record Observation(Subject subject, String action, String service, ActionCategory category, String region, String network,
                   String operator, String country, AgentFamily agent, String targetAccount, String actedOn, boolean failed,
                   int hourOfWeek, int hourOfDay) {

    private static final long HOUR = 3_600_000L;
    /** 1970-01-01 was a Thursday: hours since the epoch, shifted so that 0 is Monday 00:00. */
    private static final long MONDAY_SHIFT_HOURS = 3 * 24;

    /** The observation of {@code event}, or null when its identity has no baseline. */
    static Observation of(Event event, ActionCategories categories, IpIntelligence intelligence) {
        Subject subject = Subject.of(event);
        if (subject == null) {
            return null;
        }
        String action = event.qualifiedAction();
        String service = action.substring(0, action.indexOf(':'));
        long hours = Math.floorDiv(event.eventTimeMillis(), HOUR);
        int hourOfWeek = (int) Math.floorMod(hours + MONDAY_SHIFT_HOURS, 168L);
        String target = event.accountId() != null && subject.accountId() != null && !event.accountId().equals(subject.accountId())
                ? event.accountId() : null;
        ActionCategory category = categories.of(action, event.readOnly());
        String network = Networks.prefixOf(event.sourceIp());
        IpIntelligence.Owner owner = network == null ? null : intelligence.lookUp(event.sourceIp());
        return new Observation(subject, action, service, category, event.region(),
                network, owner == null ? null : owner.operator(), owner == null ? null : owner.country(), AgentFamily.of(event.userAgent()), target,
                changedIdentity(event, service, category, subject),
                event.errorCode() != null && !event.errorCode().isEmpty(), hourOfWeek, hourOfWeek % 24);
    }

    private static final Set<ActionCategory> IDENTITY_CHANGES = EnumSet.of(ActionCategory.CREDENTIALS,
            ActionCategory.IAM_CHANGE, ActionCategory.ACCOUNT_CREATION, ActionCategory.AUTHENTICATION, ActionCategory.DESTRUCTION);

    /**
     * The IAM user or role an identity change acts on, from the event's assets (which read the record's tree: only for
     * IAM changes, a small share of events), or null when it acts on the caller itself or on no identity.
     */
    private static String changedIdentity(Event event, String service, ActionCategory category, Subject subject) {
        if (!service.equals("iam") || !IDENTITY_CHANGES.contains(category) || event.errorCode() != null) {
            return null;
        }
        for (Asset asset : event.assets()) {
            if (asset.kind().equals("user") || asset.kind().equals("role")) {
                String id = asset.id();
                if (id.equals(event.principal().userName()) || id.equals(subject.name())) {
                    return null;
                }
                return asset.kind() + "/" + id;
            }
        }
        return null;
    }
}
