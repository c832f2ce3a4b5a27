package dev.trailhound.store.account;

import java.util.List;

/** The accounts events came from, and their names. */
public interface AccountStore {
    List<Account> list();

    /** Names an account (it need not have been seen yet); null removes the name. */
    void name(String accountId, String name, long nowMillis);
}
