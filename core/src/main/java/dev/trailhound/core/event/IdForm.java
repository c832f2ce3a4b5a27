package dev.trailhound.core.event;

import java.util.Optional;

/**
 * How a value found in a record becomes an asset id: the last column of the asset table.
 *
 * <p>The aim is one id per resource whichever way the caller named it, and that id is the one a console
 * user would search for: the bare name or id, not the ARN. Every form but {@link #LAST} leaves values that
 * are not ARNs as they are.
 */
enum IdForm {
    /** The value as CloudTrail wrote it. */
    AS_IS("as-is"),
    /**
     * An ARN becomes the resource's name or id: what follows its resource type, whether written
     * {@code type/name} ({@code key/1234abcd} gives {@code 1234abcd}, {@code repository/team/app} gives
     * {@code team/app}) or {@code type:name} ({@code snapshot:rds:orders-2024-06-01} gives
     * {@code rds:orders-2024-06-01}); an ARN without a resource type gives its whole resource part (an SNS
     * topic's name).
     */
    NAME("name"),
    /**
     * As {@link #NAME}, then an ARN's {@code :qualifier} is dropped: a Lambda function's version or alias, a
     * layer's version, the {@code :*} of a log group. For resources whose names cannot hold a colon.
     */
    UNQUALIFIED_NAME("unqualified-name"),
    /** Everything after the last {@code /}: IAM names from path-qualified ARNs, queue names from SQS URLs. */
    LAST("last"),
    /** An ARN becomes its whole resource part: {@code arn:aws:s3:::bucket/key} gives {@code bucket/key}. */
    RESOURCE("resource"),
    /**
     * As {@link #NAME}, then the six random characters Secrets Manager appends to a secret's ARN are
     * dropped with their hyphen, so an ARN and the bare secret name give the same id.
     */
    SECRET_NAME("secret-name"),
    /**
     * As {@link #NAME}, then a hierarchical Systems Manager parameter gets back the leading {@code /} its
     * ARN leaves out ({@code parameter/app/db} gives {@code /app/db}).
     */
    PARAMETER_NAME("parameter-name");

    private static final int SECRET_SUFFIX_LENGTH = 6;

    private final String label;

    IdForm(String label) {
        this.label = label;
    }

    /** The form's name as the asset table writes it. */
    String label() {
        return label;
    }

    static Optional<IdForm> byLabel(String label) {
        for (IdForm form : values()) {
            if (form.label.equals(label)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    /** The id for a non-blank value found in a record. */
    String apply(String value) {
        return switch (this) {
            case AS_IS -> value;
            case NAME -> name(value);
            case UNQUALIFIED_NAME -> isArn(value) ? unqualified(name(value)) : value;
            case LAST -> value.substring(value.lastIndexOf('/') + 1);
            case RESOURCE -> isArn(value) ? arnResource(value) : value;
            case SECRET_NAME -> isArn(value) ? withoutSecretSuffix(name(value)) : value;
            case PARAMETER_NAME -> isArn(value) ? rooted(name(value)) : value;
        };
    }

    private static String name(String value) {
        if (!isArn(value)) {
            return value;
        }
        String resource = arnResource(value);
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '/' || c == ':') {
                return resource.substring(i + 1);
            }
        }
        return resource;
    }

    private static String unqualified(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** An ARN with all six fields: {@code arn:partition:service:region:account:resource}. */
    private static boolean isArn(String value) {
        return value.startsWith("arn:") && resourceStart(value) > 0;
    }

    private static String arnResource(String arn) {
        return arn.substring(resourceStart(arn));
    }

    /** Where the sixth field starts, or -1 when there are fewer than five colons. */
    private static int resourceStart(String arn) {
        int at = -1;
        for (int colons = 0; colons < 5; colons++) {
            at = arn.indexOf(':', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at + 1;
    }

    private static String withoutSecretSuffix(String name) {
        int hyphen = name.length() - SECRET_SUFFIX_LENGTH - 1;
        if (hyphen <= 0 || name.charAt(hyphen) != '-') {
            return name;
        }
        for (int i = hyphen + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return name;
            }
        }
        return name.substring(0, hyphen);
    }

    private static String rooted(String name) {
        return name.indexOf('/') >= 0 && !name.startsWith("/") ? "/" + name : name;
    }
}
