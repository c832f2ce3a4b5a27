package dev.trailhound.store.user;

/**
 * A change to a user's role or disabled flag; a null member is left as it is.
 */
public record UserUpdate(Role role, Boolean disabled) {
    public boolean isEmpty() {
        return role == null && disabled == null;
    }
}
