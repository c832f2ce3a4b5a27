package dev.trailhound.simulator;

import java.util.SplittableRandom;

/**
 * A failed call's errorCode and errorMessage, spelled the way each service family spells them: EC2's
 * "Client.*" codes, S3's terse "Access Denied", the query APIs' "AccessDenied" and the JSON APIs'
 * "AccessDeniedException". {@code code} may be null: a failed console sign-in carries only a message.
 */
record Failure(String code, String message) {
    /** Marks a call that fails because its target does not exist; the API's own "missing" error is written. */
    static final Failure MISSING = new Failure("(missing)", "(missing)");

    static Failure denied(Api api, Credential caller, SplittableRandom rng) {
        String who = caller.arn() == null ? "arn:aws:iam::" + caller.accountId() + ":root" : caller.arn();
        String why = "User: " + who + " is not authorized to perform: " + api.iamAction();
        return switch (api.service()) {
            case "ec2" -> new Failure("Client.UnauthorizedOperation", api.readOnly()
                    ? "You are not authorized to perform this operation. " + why
                    + " because no identity-based policy allows the " + api.iamAction() + " action"
                    : "You are not authorized to perform this operation. Encoded authorization failure message: "
                    + encodedMessage(rng));
            case "s3" -> new Failure("AccessDenied", "Access Denied");
            case "iam", "sts", "cloudtrail", "organizations", "cloudformation", "rds", "sns", "autoscaling",
                    "elasticloadbalancing", "route53", "cloudfront", "sqs", "monitoring" ->
                    new Failure("AccessDenied", why + " on resource: " + resourceHint(api, caller)
                            + " because no identity-based policy allows the " + api.iamAction() + " action");
            default -> new Failure("AccessDeniedException", why + " on resource: " + resourceHint(api, caller)
                    + " because no identity-based policy allows the " + api.iamAction() + " action");
        };
    }

    /** Denied by an organization guardrail rather than by the caller's own policies. */
    static Failure deniedByScp(Api api, Credential caller) {
        return new Failure("AccessDenied", "User: " + caller.arn() + " is not authorized to perform: "
                + api.iamAction() + " on resource: * with an explicit deny in a service control policy");
    }

    static Failure throttled(Api api) {
        return switch (api.service()) {
            case "ec2" -> new Failure("Client.RequestLimitExceeded", "Request limit exceeded.");
            case "s3" -> new Failure("SlowDown", "Please reduce your request rate.");
            case "iam", "sts", "cloudformation", "rds", "autoscaling", "elasticloadbalancing" ->
                    new Failure("Throttling", "Rate exceeded");
            default -> new Failure("ThrottlingException", "Rate exceeded");
        };
    }

    static Failure signInFailed() {
        return new Failure(null, "Failed authentication");
    }

    private static String resourceHint(Api api, Credential caller) {
        if (api.service().equals("iam") && caller.accountId() != null) {
            return "arn:aws:iam::" + caller.accountId() + ":*";
        }
        return "*";
    }

    private static String encodedMessage(SplittableRandom rng) {
        return IdMint.base64(220 + rng.nextInt(160), rng).replace('+', '-').replace('/', '_');
    }
}
