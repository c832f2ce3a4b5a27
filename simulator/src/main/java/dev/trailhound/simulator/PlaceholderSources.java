package dev.trailhound.simulator;

/**
 * Defines the standard placeholders of the template vocabulary: the event's own context (account, region,
 * times, caller), fresh identifiers, and resources picked from the recipient account's estate. Sessions and
 * scenarios override any of them with {@link Bindings}.
 */
final class PlaceholderSources {
    private static final String[] INSTANCE_TYPES = {"t3.medium", "t3.large", "m6i.large", "m6i.xlarge", "c6i.large",
            "r6g.large", "t4g.small"};
    private static final String[] OBJECT_PREFIXES = {"exports/", "uploads/", "reports/daily/", "builds/",
            "ingest/raw/", "media/originals/"};
    private static final String[] OBJECT_SUFFIXES = {".parquet", ".json.gz", ".csv", ".zip", ".jpg", ".pdf"};

    private PlaceholderSources() {
    }

    static Vocabulary standard() {
        Vocabulary v = new Vocabulary();
        context(v);
        fresh(v);
        resources(v);
        derived(v);
        bindingOnly(v);
        return v;
    }

    private static void context(Vocabulary v) {
        v.define("acct", s -> s.account().id());
        v.define("acctName", s -> s.account().name());
        v.define("region", EventScope::regionName);
        v.define("az", s -> s.regionName() + (char) ('a' + s.rng().nextInt(3)));
        v.define("requestId", EventScope::requestId);
        v.define("eventId", EventScope::eventId);
        v.define("isoTime", s -> TimeFormat.iso(s.time()));
        v.define("epochMs", s -> Long.toString(s.time() * 1000 + s.rng().nextInt(1000)));
        v.define("iamDate", s -> TimeFormat.iam(s.time()));
        v.define("sdkDate", s -> TimeFormat.sdk(s.time()));
        v.define("lambdaDate", s -> TimeFormat.lambda(s.time()));
        v.define("expiration", s -> TimeFormat.sdk(s.time() + 3600));
        v.define("orgId", s -> s.organization().id());
        v.define("mgmtAcct", s -> s.organization().management().id());
        v.define("securityAcct", s -> s.organization().account("security").id());
        v.define("attackerAcct", s -> s.organization().attackerAccountId());
        v.define("trailName", s -> s.organization().trailName());
        v.define("trailArn", s -> s.organization().trailArn());
        v.define("trailBucket", s -> s.organization().trailBucket());
        v.define("callerArn", s -> s.credential().arn());
        v.define("callerKey", s -> s.credential().accessKeyId());
        v.define("callerName", s -> s.credential().sessionName());
    }

    private static void fresh(Vocabulary v) {
        v.define("uuid", s -> IdMint.uuid(s.rng()));
        v.define("uuid2", s -> IdMint.uuid(s.rng()));
        v.define("hex8", s -> IdMint.hex(8, s.rng()));
        v.define("hex16", s -> IdMint.hex(16, s.rng()));
        v.define("hex32", s -> IdMint.hex(32, s.rng()));
        v.define("hex64", s -> IdMint.hex(64, s.rng()));
        v.define("imageTag", s -> "git-" + IdMint.hex(7, s.rng()));
        v.define("alnum6", s -> IdMint.alnum(6, s.rng()));
        v.define("sha256b64", s -> IdMint.base64(43, s.rng()) + "=");
        v.define("sessionToken", s -> "IQoJb3JpZ2luX2VjE" + IdMint.base64(340, s.rng()));
        v.define("newAccessKey", s -> IdMint.accessKey("AKIA", s.rng()));
        v.define("newSessionKey", s -> IdMint.accessKey("ASIA", s.rng()));
        v.define("newUserId", s -> IdMint.awsId("AIDA", 17, s.rng()));
        v.define("newRoleId", s -> IdMint.awsId("AROA", 17, s.rng()));
        v.define("newInstanceId", s -> "i-0" + IdMint.hex(16, s.rng()));
        v.define("newSnapshotId", s -> "snap-0" + IdMint.hex(16, s.rng()));
        v.define("newVolumeId", s -> "vol-0" + IdMint.hex(16, s.rng()));
        v.define("newSgId", s -> "sg-0" + IdMint.hex(16, s.rng()));
        v.define("newRuleId", s -> "sgr-0" + IdMint.hex(16, s.rng()));
        v.define("newKeyPairId", s -> "key-0" + IdMint.hex(16, s.rng()));
        v.define("newReservationId", s -> "r-0" + IdMint.hex(16, s.rng()));
        v.define("newImageId", s -> "ami-0" + IdMint.hex(16, s.rng()));
        v.define("newEniId", s -> "eni-0" + IdMint.hex(16, s.rng()));
        v.define("privateIp", s -> "10." + s.rng().nextInt(4) + "." + s.rng().nextInt(64) + "." + (2 + s.rng()
                .nextInt(250)));
        v.define("instanceType", s -> INSTANCE_TYPES[s.rng().nextInt(INSTANCE_TYPES.length)]);
        v.define("objectKey", s -> {
            String iso = TimeFormat.iso(s.time());
            return OBJECT_PREFIXES[s.rng().nextInt(OBJECT_PREFIXES.length)] + iso.substring(0, 4) + "/"
                    + iso.substring(5, 7) + "/" + iso.substring(8, 10) + "/" + IdMint.hex(12, s.rng())
                    + OBJECT_SUFFIXES[s.rng().nextInt(OBJECT_SUFFIXES.length)];
        });
    }

    private static void resources(Vocabulary v) {
        for (ResourceKind kind : ResourceKind.values()) {
            v.define(kind.placeholder(), s -> s.account().resources().pick(kind, s.region(), s.rng()));
        }
        v.define("instanceId2", s -> s.account().resources().pick(ResourceKind.INSTANCE, s.region(), s.rng()));
        v.define("secretId2", s -> s.account().resources().pick(ResourceKind.SECRET, s.region(), s.rng()));
        v.define("paramName2", s -> s.account().resources().pick(ResourceKind.PARAMETER, s.region(), s.rng()));
        v.define("sgId2", s -> s.account().resources().pick(ResourceKind.SECURITY_GROUP, s.region(), s.rng()));
    }

    private static void derived(Vocabulary v) {
        int secretId = v.indexOf("secretId");
        int functionName = v.indexOf("functionName");
        int roleName = v.indexOf("roleName");
        int userName = v.indexOf("userName");
        int paramName = v.indexOf("paramName");
        int kmsKeyId = v.indexOf("kmsKeyId");
        int bucket = v.indexOf("bucket");
        int lbName = v.indexOf("lbName");
        v.define("secretName", s -> {
            String id = s.value(secretId);
            return id.length() > 7 ? id.substring(0, id.length() - 7) : id;
        });
        v.define("secretArn", s -> "arn:aws:secretsmanager:" + s.regionName() + ":" + s.account().id() + ":secret:"
                + s.value(secretId));
        v.define("functionArn", s -> "arn:aws:lambda:" + s.regionName() + ":" + s.account().id() + ":function:"
                + s.value(functionName));
        v.define("roleArn", s -> "arn:aws:iam::" + s.account().id() + ":role/" + s.value(roleName));
        v.define("userArn", s -> "arn:aws:iam::" + s.account().id() + ":user/" + s.value(userName));
        v.define("paramArn", s -> "arn:aws:ssm:" + s.regionName() + ":" + s.account().id() + ":parameter"
                + s.value(paramName));
        v.define("kmsKeyArn", s -> "arn:aws:kms:" + s.regionName() + ":" + s.account().id() + ":key/"
                + s.value(kmsKeyId));
        v.define("bucketHost", s -> s.value(bucket) + ".s3." + s.regionName() + ".amazonaws.com");
        v.define("lbArn", s -> "arn:aws:elasticloadbalancing:" + s.regionName() + ":" + s.account().id()
                + ":loadbalancer/app/" + s.value(lbName) + "/" + IdMint.hex(16, s.rng()));
        v.define("tgArn", s -> "arn:aws:elasticloadbalancing:" + s.regionName() + ":" + s.account().id()
                + ":targetgroup/" + s.value(lbName).replace("-alb", "-tg") + "/" + IdMint.hex(16, s.rng()));
        v.define("logStream", s -> TimeFormat.iso(s.time()).substring(0, 10).replace('-', '/') + "/[$LATEST]"
                + IdMint.hex(32, s.rng()));
    }

    /** Placeholders that only make sense when a session or scenario binds them; defaults keep records valid. */
    private static void bindingOnly(Vocabulary v) {
        v.define("targetUser", s -> s.account().resources().pick(ResourceKind.IAM_USER, 0, s.rng()));
        v.define("targetRole", s -> s.account().resources().pick(ResourceKind.ROLE, 0, s.rng()));
        v.define("targetAccount", s -> s.account().id());
        v.define("permissionSet", s -> "AdministratorAccess");
        v.define("assumedRoleArn", s -> "arn:aws:iam::" + s.account().id() + ":role/unknown");
        v.define("roleSessionName", s -> "session-" + IdMint.hex(8, s.rng()));
        v.define("assumedRoleId", s -> IdMint.awsId("AROA", 17, s.rng()) + ":" + s.value("roleSessionName"));
        v.define("assumedArn", s -> "arn:aws:sts::" + s.account().id() + ":assumed-role/unknown/"
                + s.value("roleSessionName"));
        v.define("sessKey", s -> IdMint.accessKey("ASIA", s.rng()));
        v.define("sourceIdentity", s -> "unknown");
        v.define("externalId", s -> IdMint.hex(24, s.rng()));
        v.define("oidcSubject", s -> "repo:acme/unknown:ref:refs/heads/main");
        v.define("mfaUsed", s -> "No");
        v.define("loginResult", s -> "Success");
        v.define("email", s -> "unknown@acme.example");
        v.define("identityStoreUserId", s -> "90676" + IdMint.hex(5, s.rng()) + "-" + IdMint.uuid(s.rng()));
        v.define("newUserName", s -> "user-" + IdMint.hex(6, s.rng()));
        v.define("newRoleName", s -> "role-" + IdMint.hex(6, s.rng()));
        v.define("policyName", s -> "inline-" + IdMint.hex(6, s.rng()));
        v.define("policyDocument", s -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}");
        v.define("trustPolicy", s -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
        v.define("managedPolicyArn", s -> "arn:aws:iam::aws:policy/ReadOnlyAccess");
        v.define("accessKeyToChange", s -> IdMint.accessKey("AKIA", s.rng()));
        v.define("shareAccount", s -> s.organization().attackerAccountId());
        v.define("cidrIp", s -> "10.0.0.0/16");
        v.define("port", s -> "443");
        v.define("lambdaPrincipal", s -> "events.amazonaws.com");
        v.define("modelId", s -> "anthropic.claude-3-5-sonnet-20240620-v1:0");
        v.define("layerArn", s -> "arn:aws:lambda:" + s.regionName() + ":" + s.account().id()
                + ":layer:shared-deps:" + (3 + s.rng().nextInt(9)));
        v.define("secretFilterValue", s -> "!" + IdMint.hex(8, s.rng()));
        v.define("paramNames", s -> "\"" + s.value("paramName") + "\"");
        v.define("eventSelectorsJson", s -> "[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,"
                + "\"dataResources\":[],\"excludeManagementEventSources\":[]}]");
        v.define("lifecycleDays", s -> "90");
        v.define("bucketPolicyJson", s -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecure\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::"
                + s.value("bucket") + "\",\"arn:aws:s3:::" + s.value("bucket") + "/*\"],\"Condition\":{\"Bool\":"
                + "{\"aws:SecureTransport\":\"false\"}}}]}");
        v.define("userDataState", s -> "<sensitiveDataRemoved>");
        v.define("instanceTypeRequested", s -> "t3.micro");
        v.define("count", s -> "1");
        v.define("newDbSnapshot", s -> s.value("dbInstance") + "-manual-" + IdMint.hex(6, s.rng()));
    }
}
