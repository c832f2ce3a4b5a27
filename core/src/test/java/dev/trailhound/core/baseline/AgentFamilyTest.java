package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentFamilyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/s3.ls|AWS_CLI",
            "aws-cli/2.21.3 md/awscrt#0.22.0 ua/2.0 os/linux md/command#cloudformation.deploy|AWS_CLI",
            "Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 os/linux#6.2 lang/python#3.11.6 Botocore/1.34.10|SDK_PYTHON",
            "Boto3/1.26.45 Python/3.11.2 Linux/6.1.0-kali5-amd64 Botocore/1.29.45|OFFENSIVE_TOOL",
            "aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9|SDK_JAVA",
            "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux|SDK_GO",
            "APN/1.0 HashiCorp/1.0 Terraform/1.6.6 (+https://www.terraform.io) terraform-provider-aws/5.31.0 aws-sdk-go/1.49.13|INFRASTRUCTURE_AS_CODE",
            "aws-sdk-nodejs/2.1500.0 linux/v18.18.2 exec-env/AWS_Lambda_nodejs18.x|SDK_JAVASCRIPT",
            "python-requests/2.31.0|HTTP_LIBRARY",
            "curl/8.4.0|HTTP_LIBRARY",
            "Go-http-client/1.1|HTTP_LIBRARY",
            "prowler/3.12.0 Boto3/1.34.0|SCANNER",
            "pacu/1.5.2 Boto3/1.26.0|OFFENSIVE_TOOL",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36|CONSOLE",
            "console.amazonaws.com|CONSOLE",
            "cloudtrail.amazonaws.com|AWS_SERVICE",
            "AWS Internal|AWS_SERVICE",
            "S3 Browser/11.5.7 (https://s3browser.com)|OTHER"})
    void recognisesTheClientBehindAUserAgent(String userAgent, AgentFamily expected) {
        assertEquals(expected, AgentFamily.of(userAgent));
        assertEquals(expected, AgentFamily.of(userAgent), "remembered");
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void aMissingUserAgentIsItsOwnFamily(String userAgent) {
        assertEquals(AgentFamily.NONE, AgentFamily.of(userAgent));
        assertEquals(AgentFamily.NONE, AgentFamily.classify(userAgent));
        assertEquals(AgentFamily.NONE, AgentFamily.of(null));
    }
}
