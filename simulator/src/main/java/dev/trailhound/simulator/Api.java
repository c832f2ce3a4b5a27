package dev.trailhound.simulator;

/**
 * One CloudTrail event shape: an API call (or service event) with its flags and the templates of its request,
 * response and other parameter blocks. Several variants of one API share an event name and differ in the
 * part of the key after '~' (e.g. {@code ec2:ModifySnapshotAttribute~public}). {@code iamAction} is what an
 * access-denied message names ({@code lambda:UpdateFunctionCode}); {@code cliCommand} is what the AWS CLI puts
 * in its user agent ({@code s3api.get-bucket-policy}).
 */
record Api(
        String key,
        String service,
        String eventName,
        boolean readOnly,
        boolean dataEvent,
        boolean serviceEvent,
        boolean consoleSignIn,
        boolean global,
        boolean keepResponseOnError,
        String eventVersion,
        Template request,
        Template response,
        Template additional,
        Template resources,
        Template details,
        String missingCode,
        Template missingMessage,
        String companionKey,
        double companionProbability,
        String iamAction,
        String cliCommand) {

    String eventSource() {
        return service + ".amazonaws.com";
    }
}
