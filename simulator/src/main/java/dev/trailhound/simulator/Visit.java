package dev.trailhound.simulator;

/**
 * One stretch of activity under one set of credentials: a console session, a CLI session, an hour of an
 * instance's role credentials, a pipeline run. {@code picks} is the mean number of habit picks it makes (each
 * pick is one or more records); {@code account} is where its calls land.
 */
record Visit(int index, long start, long end, double picks, Account account, boolean console) {
    Visit {
        if (end <= start) {
            throw new IllegalArgumentException("a visit must last: " + start + ".." + end);
        }
    }

    Visit withPlace(Account where, boolean viaConsole) {
        return new Visit(index, start, end, picks, where, viaConsole);
    }

    Visit scaled(double factor) {
        return new Visit(index, start, end, picks * factor, account, console);
    }
}
