package dev.trailhound.core.threat;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Asset;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import dev.trailhound.core.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link Threat} view of a session that has detections. */
public final class ThreatAssembler {
    private ThreatAssembler() {}

    public static Threat assemble(Session session) {
        if (!session.isThreat()) {
            throw new IllegalArgumentException("session " + session.sessionId() + " has no detection");
        }
        List<Detection> detections = session.detections();
        Severity severity = Severity.LOW;
        long detectionMillis = Long.MAX_VALUE;
        Map<String, Tactic> tactics = new LinkedHashMap<>();
        Map<String, Technique> techniques = new LinkedHashMap<>();
        for (Detection d : detections) {
            severity = Severity.max(severity, d.severity());
            detectionMillis = Math.min(detectionMillis, d.eventTimeMillis());
            d.tactics().forEach(t -> tactics.putIfAbsent(t.id(), t));
            d.techniques().forEach(t -> techniques.putIfAbsent(t.id(), t));
        }
        List<Tactic> orderedTactics = new ArrayList<>(tactics.values());
        orderedTactics.sort(Tactic.killChainOrder());
        List<Technique> orderedTechniques = new ArrayList<>(techniques.values());
        orderedTechniques.sort(Comparator.comparing(Technique::id));
        Principal p = session.principal();
        Asset asset = mainAsset(session);
        return new Threat(session.threatId(), session.sessionId(), session.accountId(), userOf(p), p.arn(),
                asset.type(), asset.kind(), asset.id(), severity, orderedTactics, orderedTechniques, detectionMillis,
                session.firstEventMillis(), session.lastEventMillis(), detections, session.eventIds(),
                session.eventsOmitted(), session.mergedFrom());
    }

    /** Who acted, in the words a security team uses. */
    public static String userOf(Principal p) {
        if ("Root".equals(p.identityType())) {
            return "root";
        }
        if (p.userName() != null && !p.userName().isBlank()) {
            return p.userName();
        }
        if (p.arn() != null) {
            return p.arn().substring(p.arn().lastIndexOf('/') + 1);
        }
        return p.principalId() != null ? p.principalId() : "unknown";
    }

    /** The first asset of the first detection's event; the acting identity when that event names none. */
    static Asset mainAsset(Session session) {
        Event first = session.firstDetectionEvent();
        if (first != null && !first.assets().isEmpty()) {
            return first.assets().get(0);
        }
        return principalAsset(session.principal(), session.accountId());
    }

    static Asset principalAsset(Principal p, String accountId) {
        String type = p.identityType() == null ? "" : p.identityType();
        return switch (type) {
            case "Root" -> new Asset("IAM", "root", p.accountId() != null ? p.accountId() : String.valueOf(accountId));
            case "AssumedRole" -> new Asset("IAM", "role", p.sessionIssuerName() != null ? p.sessionIssuerName() : userOf(p));
            case "IAMUser" -> new Asset("IAM", "user", userOf(p));
            default -> new Asset("IAM", "principal", p.arn() != null ? p.arn() : userOf(p));
        };
    }
}
