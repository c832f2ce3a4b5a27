package dev.trailhound.simulator;

import java.nio.file.Path;

/**
 * Where CloudTrail puts its files: {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/} for an account's
 * own trail, {@code AWSLogs/<o-id>/<account>/...} for an organization trail, and the same with
 * {@code CloudTrail-Digest} for the hourly digest files.
 */
record TrailLayout(Path root, String organizationId, boolean organizationTrail, String trailName, String homeRegion) {

    Path logDirectory(String account, String region, long epochSecond) {
        return accountRoot(account).resolve("CloudTrail").resolve(region).resolve(TimeFormat.datePath(epochSecond));
    }

    Path digestDirectory(String account, String region, long epochSecond) {
        return accountRoot(account).resolve("CloudTrail-Digest").resolve(region).resolve(TimeFormat.datePath(epochSecond));
    }

    String logFileName(String account, String region, long deliveredAt, String unique) {
        return account + "_CloudTrail_" + region + "_" + TimeFormat.fileMinute(deliveredAt) + "_" + unique + ".json.gz";
    }

    String digestFileName(String account, String region, long endOfHour) {
        return account + "_CloudTrail-Digest_" + region + "_" + trailName + "_" + homeRegion + "_"
                + TimeFormat.fileSecond(endOfHour) + ".json.gz";
    }

    /** The S3 key of a file below {@link #root}, as a digest file names it. */
    String keyOf(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private Path accountRoot(String account) {
        Path logs = root.resolve("AWSLogs");
        return organizationTrail ? logs.resolve(organizationId).resolve(account) : logs.resolve(account);
    }
}
