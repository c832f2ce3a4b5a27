package dev.trailhound.formats.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses CloudTrail's {@code eventTime}. CloudTrail always writes {@code yyyy-MM-ddTHH:mm:ssZ}; that shape
 * takes a fast path without allocation, anything else (fractions, offsets) goes through java.time. Exports
 * from query engines and data lakes often write the time without a zone and with a space
 * ({@code 2024-11-25 17:51:21.000000000}); CloudTrail times are UTC, so such a time is read as UTC.
 * Not thread-safe: it remembers the last day it converted, as consecutive records share it.
 */
final class EventTimeParser {
    private int lastDayKey = -1;
    private long lastDayEpochSecond;

    /** Epoch milliseconds, or {@link Long#MIN_VALUE} when the text is not a timestamp. */
    long parseMillis(String text) {
        if (text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z'
                && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31
                    && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61) {
                int dayKey = (year * 16 + month) * 32 + day;
                if (dayKey != lastDayKey) {
                    try {
                        lastDayEpochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L;
                    } catch (DateTimeException e) {
                        return Long.MIN_VALUE;
                    }
                    lastDayKey = dayKey;
                }
                return (lastDayEpochSecond + hour * 3600L + minute * 60L + second) * 1000L;
            }
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return zoneless(text);
            }
        }
    }

    private static long zoneless(String text) {
        if (text.length() < 19 || text.charAt(10) != ' ' && text.charAt(10) != 'T') {
            return Long.MIN_VALUE;
        }
        String iso = text.substring(0, 10) + 'T' + text.substring(11);
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();   // a space instead of T, with a zone
            } catch (DateTimeParseException e2) {
                return Long.MIN_VALUE;
            }
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
