package dev.trailhound.simulator;

/** What every principal's activity is drawn against: the organization and the event shapes. */
record World(Organization organization, ApiCatalogue apis) {
    Vocabulary vocabulary() {
        return apis.vocabulary();
    }

    Api api(String key) {
        return apis.api(key);
    }
}
