package dev.trailhound.simulator;

/** A call and the account whose trail records it (sign-in events land in the management account). */
record Placed(Account account, Call call) {
}
