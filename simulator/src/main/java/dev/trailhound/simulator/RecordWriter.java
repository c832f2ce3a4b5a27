package dev.trailhound.simulator;

/**
 * Writes one {@link Call} as a CloudTrail record, fields in the order CloudTrail writes them. The caller has
 * already started the event on the {@link EventScope} (so a companion event can share its memoised values).
 */
final class RecordWriter {

    void write(JsonBytes out, EventScope scope, Call call, Account account) {
        Api api = call.api();
        Caller caller = call.caller();
        String region = scope.regionName();
        Failure failure = resolve(call.failure(), api, scope);

        out.beginObject();
        out.field("eventVersion", api.eventVersion());
        out.name("userIdentity");
        caller.credential().writeTo(out);
        out.field("eventTime", TimeFormat.iso(call.time()));
        out.field("eventSource", api.eventSource());
        out.field("eventName", api.eventName());
        out.field("awsRegion", region);
        out.field("sourceIPAddress", caller.sourceIp());
        out.name("userAgent").beginRawValue();
        out.put((byte) '"');
        out.escaped(caller.userAgent());
        if (caller.cliCommandSuffix()) {
            out.ascii(" md/command#");
            out.ascii(api.cliCommand());
        }
        out.put((byte) '"');
        if (failure != null) {
            if (failure.code() != null) {
                out.field("errorCode", failure.code());
            }
            out.field("errorMessage", failure.message());
        }
        boolean keepRequest = failure == null || !"AccessDenied".equals(failure.code());
        template(out, "requestParameters", keepRequest ? api.request() : null, scope);
        template(out, "responseElements", failure == null || api.keepResponseOnError() ? api.response() : null,
                scope);
        if (api.additional() != null) {
            template(out, "additionalEventData", api.additional(), scope);
        }
        if (!api.serviceEvent()) {
            out.field("requestID", scope.requestId());
        }
        out.field("eventID", scope.eventId());
        out.field("readOnly", api.readOnly());
        if (api.resources() != null) {
            template(out, "resources", api.resources(), scope);
        }
        out.field("eventType", api.serviceEvent() ? "AwsServiceEvent"
                : api.consoleSignIn() ? "AwsConsoleSignIn" : "AwsApiCall");
        out.field("managementEvent", !api.dataEvent());
        out.field("recipientAccountId", account.id());
        if (api.details() != null) {
            template(out, "serviceEventDetails", api.details(), scope);
        }
        if (caller.vpcEndpointId() != null) {
            out.field("vpcEndpointId", caller.vpcEndpointId());
            out.field("vpcEndpointAccountId", account.id());
        }
        out.field("eventCategory", api.dataEvent() ? "Data" : "Management");
        if (caller.tls() != null) {
            out.name("tlsDetails").beginObject()
                    .field("tlsVersion", caller.tls().version())
                    .field("cipherSuite", caller.tls().cipherSuite())
                    .field("clientProvidedHostHeader", hostHeader(api, region, scope))
                    .endObject();
        }
        if (caller.console() && caller.credential().accessKeyId() != null) {
            out.field("sessionCredentialFromConsole", "true");
        }
        out.endObject();
    }

    private static Failure resolve(Failure failure, Api api, EventScope scope) {
        if (failure != Failure.MISSING) {
            return failure;
        }
        if (api.missingCode() == null) {
            return null;
        }
        return new Failure(api.missingCode(), api.missingMessage().text(scope));
    }

    private static void template(JsonBytes out, String name, Template template, EventScope scope) {
        out.name(name);
        if (template == null) {
            out.nullValue();
            return;
        }
        out.beginRawValue();
        template.render(out, scope);
    }

    private static String hostHeader(Api api, String region, EventScope scope) {
        String service = api.service();
        if (service.equals("signin")) {
            return "signin.aws.amazon.com";
        }
        if (service.equals("s3")) {
            String bucket = scope.resolvedOrNull("bucket");
            String regional = region.equals("us-east-1") ? "s3.amazonaws.com" : "s3." + region + ".amazonaws.com";
            return bucket == null ? regional : bucket + "." + regional;
        }
        if (api.global() && !service.equals("sso")) {
            return service + ".amazonaws.com";
        }
        return service + "." + region + ".amazonaws.com";
    }
}
