package dev.trailhound.app.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny hand-written corpus files: 111122223333-style accounts, TEST-NET addresses. */
final class CorpusFixtures {
    private CorpusFixtures() {
    }

    /** A CloudTrail record of IAM user {@code user} calling {@code service:name} at {@code time}. */
    static String record(String id, String time, String user, String service, String name) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE" + user.length()
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\",\"userName\":\"" + user
                + "\",\"accessKeyId\":\"AKIAEXAMPLE" + user.toUpperCase(java.util.Locale.ROOT) + "\"},\"eventTime\":\"" + time
                + "\",\"eventSource\":\"" + service + ".amazonaws.com\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.15.0\",\"eventID\":\"" + id
                + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
    }

    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, String.join("\n", List.of(lines)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
