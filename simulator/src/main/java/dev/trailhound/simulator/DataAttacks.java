package dev.trailhound.simulator;

import java.util.List;

/** Attacks on functions, models and data: a backdoored Lambda, LLM-jacking, S3 ransomware. */
final class DataAttacks {
    private DataAttacks() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        return List.of(lambdaBackdoor(stage), llmJacking(stage), s3Ransomware(stage));
    }

    /** Outside the pipeline, a function is made public, given a foreign layer and new code. */
    static Scenario lambdaBackdoor(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "lambda-backdoor";
        long when = stage.at(0.6, 22, 48);
        String function = stage.all(prod, ResourceKind.FUNCTION, 0).get(0);
        String layer = "arn:aws:lambda:us-east-1:" + stage.organization().attackerAccountId() + ":layer:telemetry-ext:3";
        Caller attacker = Caller.of(stage.ssoSession("kevin.brown", prod, when), stage.attackerAddress(id),
                ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Script s = stage.script(id, prod, when).as(attacker).pace(30);
        s.call("lambda:ListFunctions20150331").call("lambda:GetFunction20150331v2", "functionName", function)
                .key().call("lambda:AddPermission20150331v2~public", "functionName", function)
                .key().call("lambda:UpdateFunctionConfiguration20150331v2~layers", "functionName", function, "layerArn", layer)
                .key().call("lambda:UpdateFunctionCode20150331v2", "functionName", function);
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "A Lambda function made public and backdoored",
                "A hijacked administrator session lets anyone invoke a production function, adds a layer from an"
                        + " unknown account and replaces the function's code outside the deploy pipeline.",
                List.of("aws.persistence.lambda-backdoor-function", "aws.persistence.lambda-layer-extension",
                        "aws.persistence.lambda-overwrite-code"),
                List.of("T1546", "T1525"), List.of("TA0003", "TA0004")), s.calls());
    }

    /** A dormant sandbox key enables a foundation model and invokes it in bulk. */
    static Scenario llmJacking(ScenarioStage stage) {
        Account sandbox = stage.account("sandbox");
        String id = "llm-jacking";
        String user = sandbox.resources().of(ResourceKind.IAM_USER, 0).get(0);
        long key = SplitMix.derive(stage.seed(), SplitMix.hash(id));
        Credential leaked = Credential.iamUser(sandbox.id(), user, IdMint.stableAwsId("AIDA", 17, key),
                IdMint.stableAwsId("AKIA", 16, key));
        Caller attacker = Caller.of(leaked, stage.attackerAddress(id), ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Script s = stage.script(id, sandbox, stage.at(0.8, 9, 12)).as(attacker).pace(6);
        s.call("sts:GetCallerIdentity").call("bedrock:GetModelInvocationLoggingConfiguration")
                .call("bedrock:ListFoundationModels").call("bedrock:GetFoundationModelAvailability")
                .call("bedrock:ListFoundationModelAgreementOffers")
                .key().call("bedrock:PutUseCaseForModelAccess")
                .key().call("bedrock:CreateFoundationModelAgreement");
        for (int region = 0; region < 2; region++) {
            s.region(region);
            for (int i = 0; i < 20; i++) {
                s.key().call("bedrock:InvokeModel");
            }
        }
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "LLM-jacking with a dormant sandbox key",
                "A key of a sandbox user that never made a call checks whether model invocation is logged, accepts a"
                        + " model agreement and invokes the model forty times in two regions.",
                List.of("aws.impact.bedrock-invoke-model"), List.of("T1496.004", "T1078.004"),
                List.of("TA0001", "TA0040")), s.calls());
    }

    /** A data engineer's session deletes a bucket's objects one by one and leaves a ransom note. */
    static Scenario s3Ransomware(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "s3-ransomware";
        long when = stage.at(0.96, 0, 22);
        String bucket = prod.resources().of(ResourceKind.BUCKET, 0).get(1);
        Caller attacker = Caller.of(stage.ssoSession("nina.rossi", prod, when), stage.attackerAddress(id),
                ScenarioStage.S3_BROWSER, Tls.LEGACY);
        Script s = stage.script(id, prod, when).as(attacker).pace(2);
        s.call("s3:ListBuckets").call("s3:ListObjects", "bucket", bucket).call("s3:GetBucketVersioning", "bucket", bucket);
        for (int i = 0; i < 80; i++) {
            s.key().call("s3:DeleteObject", "bucket", bucket);
        }
        s.key().call("s3:PutObject", "bucket", bucket, "objectKey", "README-RECOVER-YOUR-FILES.txt");
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "S3 ransomware: objects deleted one by one",
                "A stolen data-engineer session lists a production bucket, deletes eighty objects in a burst and"
                        + " leaves a ransom note.",
                List.of("aws.impact.s3-ransomware-individual-deletion"), List.of("T1485", "T1486"),
                List.of("TA0040")), s.calls());
    }
}
