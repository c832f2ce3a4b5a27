package dev.trailhound.core.rules.match;

/** Which AWS accounts are the organisation's own; anything else is external. */
@FunctionalInterface
public interface AccountDirectory {
    boolean isOwn(String accountId);
}
