package dev.trailhound.simulator;

/**
 * One API call (or service event) to write: what, by whom, when (epoch seconds), in which region (index into
 * the organization's regions), how it failed if it did, and call-specific placeholder values. {@code eventId}
 * is fixed in advance for scenario calls, whose labels name their events; null lets the writer mint one.
 */
record Call(Api api, Caller caller, long time, int region, Failure failure, Bindings bindings, String eventId) {
    Call {
        bindings = bindings == null ? Bindings.NONE : bindings;
    }

    Call(Api api, Caller caller, long time, int region, Failure failure, Bindings bindings) {
        this(api, caller, time, region, failure, bindings, null);
    }

    /** The region CloudTrail logs the call in: global services always log in the home region. */
    int loggedRegion() {
        return api.global() ? Organization.HOME_REGION : region;
    }
}
