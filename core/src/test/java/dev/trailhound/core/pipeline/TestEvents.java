package dev.trailhound.core.pipeline;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Events for core tests, built directly (the readers have their own tests). Times are minutes from T0. */
public final class TestEvents {
    public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private TestEvents() {}

    public static Principal user(String name, String accessKey) {
        return new Principal("IAMUser", "arn:aws:iam::111122223333:user/" + name, "111122223333", "AIDAEXAMPLE" + name,
                name, accessKey, null, false, null, null, null, null, false);
    }

    public static Principal role(String session, String accessKey) {
        return new Principal("AssumedRole", "arn:aws:sts::111122223333:assumed-role/Deploy/" + session, "111122223333",
                "AROAEXAMPLE:" + session, session, accessKey, null, null, T0.minusSeconds(60),
                "arn:aws:iam::111122223333:role/Deploy", "Deploy", null, false);
    }

    public static Principal console(String session, Instant created) {
        return new Principal("AssumedRole", "arn:aws:sts::111122223333:assumed-role/Admin/" + session, "111122223333",
                "AROAEXAMPLE:" + session, session, "ASIAROTATING" + created.getEpochSecond(), null, true, created,
                "arn:aws:iam::111122223333:role/Admin", "Admin", null, true);
    }

    public static Principal service(String service) {
        return new Principal("AWSService", null, null, null, null, null, service, null, null, null, null, null, false);
    }

    public static Event at(double minutes, String id, String action, Principal p) {
        Instant t = T0.plusMillis((long) (minutes * 60_000));
        String json = "{\"eventID\":\"" + id + "\",\"eventName\":\"" + action + "\"}";
        return new Event(id, t, "111122223333", "us-east-1", "iam.amazonaws.com", action, "AwsApiCall", false, null, null,
                "203.0.113.7", "aws-cli/2.15.0", p, json.getBytes(StandardCharsets.UTF_8));
    }
}
