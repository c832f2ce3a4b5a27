package dev.trailhound.rules.testing;

/**
 * The outcome of one test case.
 *
 * @param detail on failure, why: the detections raised or, for a missed match, each search's verdict and values
 */
public record CaseResult(String file, String ruleId, String caseName, boolean expectMatch, boolean passed, String detail) {
}
