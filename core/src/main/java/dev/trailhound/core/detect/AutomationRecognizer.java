package dev.trailhound.core.detect;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises events that are automation doing its routine work, so that rules do not turn them into threats:
 * AWS services (and calls from {@code AWS Internal}), service-linked roles, infrastructure-as-code tools
 * (Terraform, CloudFormation, CDK, Pulumi user agents), CI jobs signed in through OIDC web identity (GitHub
 * Actions, GitLab, EKS service accounts; Cognito end users excepted), and identities the user names as
 * automation. User agents can be forged: this trades a little attacker cover for a quiet table, and a rule
 * that must judge automation too says so ({@code automation: include}). Calls from penetration-testing
 * distributions (Kali, Parrot, Pentoo, BlackArch in the user agent) are never automation, whoever makes them: a
 * stolen pipeline key used from an attacker's machine is judged like any other.
 *
 * <p>Security scanners (CSPM and audit roles: by default names like {@code *scanner*}, {@code *cspm*},
 * {@code *SecurityAudit*} and well-known vendors' role names, plus those configured) are recognised apart: their
 * job is to read everything, so their reads are routine, but whatever they change is judged like anyone's.
 */
public final class AutomationRecognizer {
    /** The paths into the record this recogniser reads through the JSON tree. */
    public static final List<String> TREE_PATHS = List.of("userIdentity.sessionContext.webIdFederationData.federatedProvider");

    private static final List<String> IAC_AGENTS = List.of("terraform", "cloudformation", "aws-cdk", "pulumi");
    private static final List<String> ATTACK_DISTRIBUTIONS = List.of("kali", "parrot", "pentoo", "blackarch");

    /** Role, session or user names of security scanners whose reads are routine (case-insensitive globs). */
    public static final List<String> DEFAULT_SCANNERS = List.of("*scanner*", "*cspm*", "*securityaudit*", "*security-audit*",
            "wizaccess*", "orcasecurity*", "prismacloud*", "*lacework*", "datadog*integration*");

    private final List<String> patterns;
    private final List<Pattern> configured;
    private final List<String> scannerPatterns;
    private final List<Pattern> scanners;
    /** Which scanner pattern (or -1) names an identity: asked for every read a rule matches, answered once per identity. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> scannerOf = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 65_536;

    /**
     * @param patterns identities to treat as automation: ARNs, role names or user names, with {@code *} wildcards
     *                 (e.g. {@code arn:aws:iam::*:role/ci-deploy}, {@code terraform-*})
     */
    public AutomationRecognizer(List<String> patterns) {
        this(patterns, DEFAULT_SCANNERS);
    }

    /**
     * @param scannerPatterns security scanners' identities (ARNs, role, session or user names, {@code *} wildcards)
     */
    public AutomationRecognizer(List<String> patterns, List<String> scannerPatterns) {
        this.patterns = List.copyOf(patterns);
        this.configured = patterns.stream().map(AutomationRecognizer::glob).toList();
        this.scannerPatterns = List.copyOf(scannerPatterns);
        this.scanners = scannerPatterns.stream().map(AutomationRecognizer::glob).toList();
    }

    public static AutomationRecognizer defaults() {
        return new AutomationRecognizer(List.of());
    }

    /**
     * Why the event is a security scanner's routine read ("security scanner *cspm* reading"), or null: the
     * identity is a scanner and the call is read-only (or {@code readOnlyRule}: the rule judges reading only, as
     * discovery rules do).
     */
    public String scannerReason(Event event, boolean readOnlyRule) {
        if (scanners.isEmpty() || !(readOnlyRule || Boolean.TRUE.equals(event.readOnly()))) {
            return null;
        }
        Principal p = event.principal();
        String key = p.arn() != null ? p.arn() : p.sessionIssuerArn() + "|" + p.userName();
        Integer i = scannerOf.get(key);
        if (i == null) {
            i = matching(scanners, p);
            if (scannerOf.size() >= MAX_REMEMBERED) {
                scannerOf.clear();
            }
            scannerOf.put(key, i);
        }
        return i < 0 ? null : "security scanner " + scannerPatterns.get(i) + " reading";
    }

    /** Why the event is automation's work ("AWS service", "Terraform user agent"...), or null when it is not. */
    public String reason(Event event) {
        Principal p = event.principal();
        if (p.isAwsService()) {
            return "AWS service " + (p.invokedBy() != null ? p.invokedBy() : "");
        }
        if (fromAwsInfrastructure(event)) {
            return "call from " + event.sourceIp();
        }
        if (isServiceLinked(p.sessionIssuerArn(), p.sessionIssuerName())) {
            return "service-linked role " + p.sessionIssuerName();
        }
        String agent = event.userAgent() == null ? "" : event.userAgent().toLowerCase(Locale.ROOT);
        for (String distribution : ATTACK_DISTRIBUTIONS) {
            if (agent.contains(distribution)) {
                return null;   // automation does not run from penetration-testing distributions: whoever this is, judge it
            }
        }
        for (String tool : IAC_AGENTS) {
            if (agent.contains(tool)) {
                return tool + " user agent";
            }
        }
        if ("WebIdentityUser".equals(p.identityType())) {
            return "web identity sign-in";
        }
        if ("AssumedRole".equals(p.identityType()) && p.hasTemporaryKey()) {
            String provider = event.fields().path("userIdentity").path("sessionContext").path("webIdFederationData")
                    .path("federatedProvider").asText("");
            if (!provider.isEmpty() && !provider.contains("cognito-identity")) {
                return "web identity session from " + provider;
            }
        }
        int i = matching(configured, p);
        return i < 0 ? null : "configured automation identity " + patterns.get(i);
    }

    /** The configured automation pattern naming the event's identity, or null (the built-in recognition aside). */
    public String configuredAutomation(Event event) {
        int i = matching(configured, event.principal());
        return i < 0 ? null : patterns.get(i);
    }

    /**
     * True when AWS made the call from its own infrastructure on a principal's behalf (a service's host name, or
     * {@code AWS Internal}): no person's network or client. The console makes some calls from "AWS Internal" on its
     * user's behalf: those are the person's, not a service's.
     */
    public static boolean fromAwsInfrastructure(Event event) {
        String ip = event.sourceIp();
        return ip != null && (ip.equals("AWS Internal") && !event.principal().fromConsole() || ip.endsWith(".amazonaws.com"));
    }

    /** The index of the first pattern naming the principal (ARN, issuing role's ARN or name, user or session name). */
    private static int matching(List<Pattern> globs, Principal p) {
        for (int i = 0; i < globs.size(); i++) {
            for (String name : new String[] {p.arn(), p.sessionIssuerArn(), p.sessionIssuerName(), p.userName()}) {
                if (name != null && globs.get(i).matcher(name).matches()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * True for a service-linked role: AWS's own automation in the account. {@code roleName} may come from the
     * session issuer or, when a record has none, from the assumed-role ARN.
     */
    public static boolean isServiceLinked(String issuerArn, String roleName) {
        return issuerArn != null && issuerArn.contains(":role/aws-service-role/")
                || roleName != null && roleName.startsWith("AWSServiceRoleFor");
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
