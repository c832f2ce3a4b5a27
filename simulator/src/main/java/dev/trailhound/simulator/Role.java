package dev.trailhound.simulator;

/** An IAM role: {@code path} is "/" or e.g. "/aws-reserved/sso.amazonaws.com/"; {@code id} is its AROA unique id. */
record Role(String accountId, String name, String path, String id) {
    String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    String sessionArn(String sessionName) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + name + "/" + sessionName;
    }

    /** A role whose unique id is derived from its account and name, so every thread agrees on it. */
    static Role stable(String accountId, String path, String name) {
        return new Role(accountId, name, path, IdMint.stableAwsId("AROA", 17, SplitMix.hash(accountId + path + name)));
    }
}
