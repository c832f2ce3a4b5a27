package dev.trailhound.core.baseline;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kind of client behind a user agent: what a baseline remembers instead of the exact string, whose versions
 * change with every update. The families are coarse on purpose: a person moving from aws-cli 2.15 to 2.16 is
 * not news, a person's keys suddenly used by python-requests is.
 */
public enum AgentFamily {
    CONSOLE("the AWS console"),
    AWS_CLI("the AWS CLI"),
    AWS_POWERSHELL("AWS Tools for PowerShell"),
    SDK_PYTHON("the Python SDK (boto3)"),
    SDK_JAVA("the Java SDK"),
    SDK_JAVASCRIPT("the JavaScript SDK"),
    SDK_GO("the Go SDK"),
    SDK_DOTNET("the .NET SDK"),
    SDK_RUBY("the Ruby SDK"),
    SDK_OTHER("another AWS SDK"),
    INFRASTRUCTURE_AS_CODE("an infrastructure-as-code tool (Terraform, CloudFormation, CDK, Pulumi)"),
    SCANNER("a cloud security scanner"),
    OFFENSIVE_TOOL("an offensive security tool"),
    HTTP_LIBRARY("a raw HTTP library"),
    AWS_SERVICE("an AWS service"),
    OTHER("an unrecognised client"),
    NONE("no user agent");

    private final String description;

    AgentFamily(String description) {
        this.description = description;
    }

    /** Words for an explanation: "the AWS CLI". */
    public String description() {
        return description;
    }

    /** The family named {@code name}, or null when no family of this version has that name. */
    static AgentFamily named(String name) {
        for (AgentFamily f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Families whose first appearance for an identity weighs more: tools people rarely use by hand. */
    public boolean unusualForPeople() {
        return this == HTTP_LIBRARY || this == SCANNER || this == OFFENSIVE_TOOL;
    }

    private static final int MAX_REMEMBERED = 8192;
    /** User agents repeat (a few thousand distinct strings in a large organisation): each is classified once. */
    private static final Map<String, AgentFamily> KNOWN = new ConcurrentHashMap<>();

    /** The family of {@code userAgent}, remembered for the first few thousand distinct strings. */
    public static AgentFamily of(String userAgent) {
        if (userAgent == null) {
            return NONE;
        }
        AgentFamily family = KNOWN.get(userAgent);
        if (family == null) {
            family = classify(userAgent);
            if (KNOWN.size() < MAX_REMEMBERED) {
                KNOWN.put(userAgent, family);
            }
        }
        return family;
    }

    /**
     * The family of {@code userAgent}. Order matters: tools embed the SDK they are built on (Terraform and
     * scanners send the Go or Python SDK's agent too), so the tool is recognised before the SDK.
     */
    static AgentFamily classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return NONE;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (containsAny(ua, "pacu", "stratus-red-team", "cloudfox", "kali", "parrot", "pentoo", "blackarch", "weirdaal",
                "cloudgoat", "endgame")) {
            return OFFENSIVE_TOOL;
        }
        if (containsAny(ua, "prowler", "scoutsuite", "scout suite", "cloudsploit", "steampipe", "cloudmapper", "cartography",
                "cloud-custodian", "custodian", "wizcli", "orca-security", "lacework", "prismacloud")) {
            return SCANNER;
        }
        if (ua.startsWith("aws-cli/")) {
            return AWS_CLI;   // the CLI names its command ("command/cloudformation.deploy"): still a person's CLI
        }
        if (containsAny(ua, "terraform", "cloudformation", "aws-cdk", "pulumi", "opentofu")) {
            return INFRASTRUCTURE_AS_CODE;
        }
        if (containsAny(ua, "console.amazonaws.com", "signin.amazonaws.com", "aws-internal/3", "mozilla/", "chrome/",
                "safari/", "firefox/")) {
            return CONSOLE;
        }
        if (ua.endsWith(".amazonaws.com") || ua.equals("aws internal") || ua.startsWith("aws internal")) {
            return AWS_SERVICE;
        }
        if (ua.startsWith("aws-cli/") || ua.contains(" aws-cli/") || ua.contains("command/")) {
            return AWS_CLI;
        }
        if (ua.contains("awspowershell") || ua.contains("aws-tools-for-powershell") || ua.contains("powershell")) {
            return AWS_POWERSHELL;
        }
        if (ua.startsWith("boto3/") || ua.startsWith("botocore/") || ua.contains(" boto3/") || ua.contains(" botocore/")
                || ua.contains("aiobotocore")) {
            return SDK_PYTHON;
        }
        if (ua.startsWith("aws-sdk-java") || ua.contains(" aws-sdk-java")) {
            return SDK_JAVA;
        }
        if (ua.startsWith("aws-sdk-js") || ua.contains("aws-sdk-nodejs") || ua.contains(" aws-sdk-js")
                || ua.contains("lang/js")) {
            return SDK_JAVASCRIPT;
        }
        if (ua.startsWith("aws-sdk-go") || ua.contains(" aws-sdk-go")) {
            return SDK_GO;
        }
        if (ua.startsWith("aws-sdk-dotnet") || ua.contains(" aws-sdk-dotnet")) {
            return SDK_DOTNET;
        }
        if (ua.startsWith("aws-sdk-ruby") || ua.contains(" aws-sdk-ruby")) {
            return SDK_RUBY;
        }
        if (ua.startsWith("aws-sdk-") || ua.contains(" aws-sdk-") || ua.contains("aws-sdk")) {
            return SDK_OTHER;
        }
        if (containsAny(ua, "python-requests", "python-urllib", "curl/", "wget/", "go-http-client", "okhttp", "axios/",
                "node-fetch", "java-http-client", "apache-httpclient", "libwww-perl", "httpie", "postman",
                "insomnia-")) {
            return HTTP_LIBRARY;
        }
        return OTHER;
    }

    private static boolean containsAny(String text, String... parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
