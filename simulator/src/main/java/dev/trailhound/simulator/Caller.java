package dev.trailhound.simulator;

/**
 * How a session reaches AWS: its credential, network address, user agent and TLS, whether the credential came
 * from the console, the VPC endpoint it goes through (if any), and values its calls always use (its own
 * instance id, its function name). {@code cliCommandSuffix} appends the AWS CLI's per-command marker.
 */
record Caller(
        Credential credential,
        String sourceIp,
        String userAgent,
        boolean cliCommandSuffix,
        Tls tls,
        boolean console,
        String vpcEndpointId,
        Bindings bindings) {

    Caller {
        bindings = bindings == null ? Bindings.NONE : bindings;
    }

    static Caller of(Credential credential, String sourceIp, String userAgent, Tls tls) {
        return new Caller(credential, sourceIp, userAgent, false, tls, false, null, Bindings.NONE);
    }

    /** An AWS service calling on this caller's behalf (KMS Decrypt for a secret read): no TLS, no endpoint. */
    Caller viaService(String host) {
        return new Caller(credential.withInvokedBy(host), host, host, false, null, console, null, bindings);
    }

    Caller withCredential(Credential other) {
        return new Caller(other, sourceIp, userAgent, cliCommandSuffix, tls, console, vpcEndpointId, bindings);
    }

    Caller withBindings(Bindings more) {
        return new Caller(credential, sourceIp, userAgent, cliCommandSuffix, tls, console, vpcEndpointId,
                bindings.and(more));
    }

    /** The same credential used from another address and client: stolen credentials. */
    Caller from(String address, String agent) {
        return new Caller(credential, address, agent, false, Tls.LEGACY, false, null, bindings);
    }

    Caller asConsole() {
        return new Caller(credential, sourceIp, userAgent, false, tls, true, vpcEndpointId, bindings);
    }

    Caller asCli() {
        return new Caller(credential, sourceIp, userAgent, true, tls, console, vpcEndpointId, bindings);
    }

    Caller throughEndpoint(String endpointId) {
        return new Caller(credential, sourceIp, userAgent, cliCommandSuffix, tls, console, endpointId, bindings);
    }
}
