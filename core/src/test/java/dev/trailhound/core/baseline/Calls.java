package dev.trailhound.core.baseline;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Events for baseline tests: one identity's calls, each from a place, with a client, at a time. */
final class Calls {
    /** A Monday, 00:00 UTC. */
    static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    static final String ACCOUNT = "111122223333";
    static final String OFFICE_IP = "198.51.100.23";
    static final String CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22";
    private static int ids;

    private final Principal principal;
    private String ip = OFFICE_IP;
    private String agent = CLI;
    private String region = "us-east-1";
    private String account = ACCOUNT;
    private String error;

    private Calls(Principal principal) {
        this.principal = principal;
    }

    static Calls user(String name) {
        return new Calls(new Principal("IAMUser", "arn:aws:iam::" + ACCOUNT + ":user/" + name, ACCOUNT, "AIDA" + name.toUpperCase(),
                name, "AKIA" + name.toUpperCase(), null, false, null, null, null, null, false));
    }

    /** A role session (not a person's): its baseline is the role's, across sessions. */
    static Calls roleSession(String role, String session, String accessKey) {
        return new Calls(new Principal("AssumedRole", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session, ACCOUNT,
                "AROA" + role.toUpperCase() + ":" + session, session, accessKey, null, false, MONDAY,
                "arn:aws:iam::" + ACCOUNT + ":role/" + role, role, null, false));
    }

    /** A person signed in through IAM Identity Center to {@code account} with a permission set. */
    static Calls person(String email, String account, String permissionSet) {
        String role = "AWSReservedSSO_" + permissionSet + "_0123456789abcdef";
        return new Calls(new Principal("AssumedRole", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + email, account,
                "AROA" + permissionSet.toUpperCase() + ":" + email, email, "ASIA" + Math.abs((email + account).hashCode()), null, false, MONDAY,
                "arn:aws:iam::" + account + ":role/aws-reserved/sso.amazonaws.com/" + role, role, null, false)).into(account);
    }

    static Calls serviceLinked(String role, String session) {
        return new Calls(new Principal("AssumedRole", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session, ACCOUNT,
                "AROA:" + session, session, "ASIASL" + session, null, false, MONDAY,
                "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/" + role, role, null, false));
    }

    static Calls service(String service) {
        return new Calls(new Principal("AWSService", null, null, null, null, null, service, null, null, null, null, null, false));
    }

    Calls from(String ip) {
        this.ip = ip;
        return this;
    }

    Calls with(String agent) {
        this.agent = agent;
        return this;
    }

    Calls in(String region) {
        this.region = region;
        return this;
    }

    Calls into(String account) {
        this.account = account;
        return this;
    }

    Calls failing(String error) {
        this.error = error;
        return this;
    }

    /** {@code service:Action} at {@code day} days and {@code hour} hours after Monday 00:00 UTC. */
    Event call(String qualifiedAction, double day, double hour) {
        return call(qualifiedAction, day, hour, null);
    }

    /** The same, with {@code requestParameters} (a JSON object's text) in the record. */
    Event call(String qualifiedAction, double day, double hour, String requestParameters) {
        Instant t = MONDAY.plus(Duration.ofMillis((long) ((day * 24 + hour) * 3_600_000)));
        String service = qualifiedAction.substring(0, qualifiedAction.indexOf(':'));
        String action = qualifiedAction.substring(qualifiedAction.indexOf(':') + 1);
        String id = "e-" + (++ids);
        byte[] json = ("{\"eventID\":\"" + id + "\"" + (requestParameters == null ? "" : ",\"requestParameters\":" + requestParameters)
                + "}").getBytes(StandardCharsets.UTF_8);
        Boolean readOnly = action.startsWith("List") || action.startsWith("Describe") || action.startsWith("Get");
        return new Event(id, t, account, region, service + ".amazonaws.com", action, "AwsApiCall", readOnly, error, null,
                ip, agent, principal, json);
    }
}
