package dev.trailhound.simulator;

/**
 * The timestamp spellings CloudTrail uses, written by hand from epoch seconds because they are needed several
 * times per record (java.time formatting would dominate the profile).
 */
final class TimeFormat {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private TimeFormat() {
    }

    /** {@code 2026-11-03T14:05:12Z}, the eventTime format. */
    static String iso(long epochSecond) {
        char[] c = new char[20];
        int[] ymd = civil(Math.floorDiv(epochSecond, 86400));
        int secs = (int) Math.floorMod(epochSecond, 86400);
        four(c, 0, ymd[0]);
        c[4] = '-';
        two(c, 5, ymd[1]);
        c[7] = '-';
        two(c, 8, ymd[2]);
        c[10] = 'T';
        two(c, 11, secs / 3600);
        c[13] = ':';
        two(c, 14, secs / 60 % 60);
        c[16] = ':';
        two(c, 17, secs % 60);
        c[19] = 'Z';
        return new String(c);
    }

    /** {@code 20261103T1405Z}, the delivery time in a log file name. */
    static String fileMinute(long epochSecond) {
        String iso = iso(epochSecond);
        return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10) + "T" + iso.substring(11, 13)
                + iso.substring(14, 16) + "Z";
    }

    /** {@code 20261103T140512Z}, the time in a digest file name. */
    static String fileSecond(long epochSecond) {
        String iso = iso(epochSecond);
        return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10) + "T" + iso.substring(11, 13)
                + iso.substring(14, 16) + iso.substring(17, 19) + "Z";
    }

    /** {@code 2026/11/03}, the date folders of the S3 layout. */
    static String datePath(long epochSecond) {
        String iso = iso(epochSecond);
        return iso.substring(0, 4) + "/" + iso.substring(5, 7) + "/" + iso.substring(8, 10);
    }

    /** {@code Nov 3, 2026 2:05:12 PM}, as IAM writes createDate in responses. */
    static String iam(long epochSecond) {
        return humane(epochSecond, false);
    }

    /** {@code Nov 3, 2026, 2:05:12 PM}, as STS, SSM and EC2 write dates in responses. */
    static String sdk(long epochSecond) {
        return humane(epochSecond, true);
    }

    /** {@code 2026-11-03T14:05:12.000+0000}, Lambda's lastModified. */
    static String lambda(long epochSecond) {
        String iso = iso(epochSecond);
        return iso.substring(0, 19) + ".000+0000";
    }

    private static String humane(long epochSecond, boolean commaAfterYear) {
        int[] ymd = civil(Math.floorDiv(epochSecond, 86400));
        int secs = (int) Math.floorMod(epochSecond, 86400);
        int hour = secs / 3600;
        int hour12 = hour % 12 == 0 ? 12 : hour % 12;
        StringBuilder sb = new StringBuilder(28);
        sb.append(MONTHS[ymd[1] - 1]).append(' ').append(ymd[2]).append(", ").append(ymd[0]);
        sb.append(commaAfterYear ? ", " : " ").append(hour12).append(':');
        pad(sb, secs / 60 % 60).append(':');
        pad(sb, secs % 60).append(hour < 12 ? " AM" : " PM");
        return sb.toString();
    }

    /** Days since 1970-01-01 to {year, month, day} (H. Hinnant's civil_from_days). */
    static int[] civil(long epochDay) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        return new int[] {year, month, day};
    }

    private static StringBuilder pad(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void four(char[] c, int at, int v) {
        two(c, at, v / 100);
        two(c, at + 2, v % 100);
    }
}
