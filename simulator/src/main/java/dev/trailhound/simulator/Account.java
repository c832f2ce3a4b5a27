package dev.trailhound.simulator;

/** One AWS account of the simulated organization. {@code index} is its position in the organization's list. */
record Account(String id, String name, int index, AccountResources resources) {
    Account {
        if (!id.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must have 12 digits: " + id);
        }
    }
}
