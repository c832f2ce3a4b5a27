package dev.trailhound.simulator;

import java.util.SplittableRandom;

/**
 * The kinds of resource an account owns, each with the placeholder name templates use for it, whether it lives in
 * a region or account-wide, how many a workload account has, and how its identifier looks.
 */
enum ResourceKind {
    INSTANCE("instanceId", true, 6) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "i-0" + IdMint.hex(16, rng);
        }
    },
    IMAGE("amiId", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "ami-0" + IdMint.hex(16, rng);
        }
    },
    SNAPSHOT("snapshotId", true, 5) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "snap-0" + IdMint.hex(16, rng);
        }
    },
    VOLUME("volumeId", true, 6) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "vol-0" + IdMint.hex(16, rng);
        }
    },
    SECURITY_GROUP("sgId", true, 5) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "sg-0" + IdMint.hex(16, rng);
        }
    },
    SUBNET("subnetId", true, 4) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "subnet-0" + IdMint.hex(16, rng);
        }
    },
    VPC("vpcId", true, 1) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "vpc-0" + IdMint.hex(16, rng);
        }
    },
    NETWORK_INTERFACE("eniId", true, 4) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "eni-0" + IdMint.hex(16, rng);
        }
    },
    FUNCTION("functionName", true, 5) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-" + pick(rng, "api", "worker", "handler", "sync", "processor");
        }
    },
    SECRET("secretId", true, 5) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "/" + app + "/" + pick(rng, "db-credentials", "api-key", "oauth-client", "stripe-token",
                    "signing-key") + "-" + IdMint.alnum(6, rng);
        }
    },
    PARAMETER("paramName", true, 6) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "/" + account + "/" + app + "/" + pick(rng, "db-host", "db-password", "feature-flags", "api-url",
                    "queue-url", "log-level");
        }
    },
    KMS_KEY("kmsKeyId", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return IdMint.uuid(rng);
        }
    },
    LOG_GROUP("logGroup", true, 5) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return pick(rng, "/aws/lambda/", "/ecs/", "/app/") + account + "-" + app;
        }
    },
    QUEUE("queueName", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + pick(rng, "-events", "-jobs", "-dlq");
        }
    },
    TOPIC("topicName", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-notifications";
        }
    },
    TABLE("tableName", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + pick(rng, "-sessions", "-items", "-locks");
        }
    },
    DB_INSTANCE("dbInstance", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-db";
        }
    },
    DB_SNAPSHOT("dbSnapshot", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "rds:" + account + "-" + app + "-db-2026-10-" + (10 + rng.nextInt(20)) + "-03-10";
        }
    },
    ECS_CLUSTER("clusterName", true, 1) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-services";
        }
    },
    ECS_SERVICE("serviceName", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return app + "-service";
        }
    },
    REPOSITORY("repoName", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "acme/" + app;
        }
    },
    STACK("stackName", true, 3) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-stack";
        }
    },
    LOAD_BALANCER("lbName", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-alb";
        }
    },
    AUTOSCALING_GROUP("asgName", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + "-asg";
        }
    },
    KEY_PAIR("keyName", true, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + pick(rng, "bastion", "ops", "deploy");
        }
    },
    DETECTOR("detectorId", true, 1) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return IdMint.hex(32, rng);
        }
    },
    BUCKET("bucket", false, 6) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "acme-" + account + "-" + app + pick(rng, "-assets", "-uploads", "-exports", "-artifacts", "-data");
        }
    },
    ROLE("roleName", false, 8) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return account + "-" + app + pick(rng, "-task-role", "-lambda-role", "-ec2-role", "-deploy-role");
        }
    },
    IAM_USER("userName", false, 4) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "svc-" + app + pick(rng, "-export", "-sync", "-integration");
        }
    },
    POLICY("policyArn", false, 4) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return app + pick(rng, "-read-access", "-write-access", "-deploy-policy", "-boundary");
        }
    },
    GROUP("groupName", false, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return pick(rng, "developers", "operators", "readers", "billing");
        }
    },
    HOSTED_ZONE("hostedZoneId", false, 2) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "Z0" + IdMint.awsId("", 19, rng);
        }
    },
    DISTRIBUTION("distributionId", false, 1) {
        @Override
        String mint(String account, String app, SplittableRandom rng) {
            return "E" + IdMint.awsId("", 13, rng);
        }
    };

    private final String placeholder;
    private final boolean regional;
    private final int typicalCount;

    ResourceKind(String placeholder, boolean regional, int typicalCount) {
        this.placeholder = placeholder;
        this.regional = regional;
        this.typicalCount = typicalCount;
    }

    /** The template placeholder that picks one of these, e.g. {@code ${instanceId}}. */
    String placeholder() {
        return placeholder;
    }

    boolean regional() {
        return regional;
    }

    int typicalCount() {
        return typicalCount;
    }

    abstract String mint(String account, String app, SplittableRandom rng);

    private static String pick(SplittableRandom rng, String... options) {
        return options[rng.nextInt(options.length)];
    }
}
