package dev.trailhound.simulator;

/** The TLS parameters a client negotiates; CloudTrail records them with the host header the client sent. */
record Tls(String version, String cipherSuite) {
    static final Tls MODERN = new Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256");
    static final Tls MODERN_256 = new Tls("TLSv1.3", "TLS_AES_256_GCM_SHA384");
    static final Tls LEGACY = new Tls("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256");
}
