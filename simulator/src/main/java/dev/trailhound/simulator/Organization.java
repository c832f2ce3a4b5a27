package dev.trailhound.simulator;

import java.util.List;

/**
 * The simulated customer: an AWS Organization with named accounts, the regions it uses (the first is the home
 * region, where global services log), the organization trail, and the outside accounts that appear in the data.
 */
record Organization(
        String id,
        List<Account> accounts,
        List<String> regions,
        String trailName,
        String trailBucket,
        String attackerAccountId,
        String vendorAccountId) {

    Organization {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }

    static final int HOME_REGION = 0;

    Account management() {
        return account("management");
    }

    Account account(String name) {
        for (Account account : accounts) {
            if (account.name().equals(name)) {
                return account;
            }
        }
        throw new IllegalArgumentException("no account named " + name);
    }

    int regionIndex(String region) {
        int index = regions.indexOf(region);
        if (index < 0) {
            throw new IllegalArgumentException("region not used by the organization: " + region);
        }
        return index;
    }

    String region(int index) {
        return regions.get(index);
    }

    String trailArn() {
        return "arn:aws:cloudtrail:" + regions.get(HOME_REGION) + ":" + management().id() + ":trail/" + trailName;
    }
}
