package dev.trailhound.store.user;

/** What {@link UserStore#update} did. */
public sealed interface UserChange {
    /** The user after the change. */
    record Changed(User user) implements UserChange {}

    /** No user has that name. */
    record NoSuchUser(String username) implements UserChange {}

    /** Refused: it would leave the service without an enabled admin. */
    record LastEnabledAdmin(String username) implements UserChange {}
}
