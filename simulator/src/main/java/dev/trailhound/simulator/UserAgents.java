package dev.trailhound.simulator;

/** The user-agent strings the simulated clients send, as real clients of these versions spell them. */
final class UserAgents {
    static final String CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    static final String CLI_MAC = "aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source";
    static final String CLI_LINUX = "aws-cli/2.21.3 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-49-generic md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24";
    static final String CLI_WINDOWS = "aws-cli/2.19.1 md/awscrt#0.22.0 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe";
    static final String JAVA_SDK = "aws-sdk-java/2.29.15 Linux/6.1.115-126.197.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy cfg/auth-source#imds";
    static final String BOTO3_LAMBDA = "Boto3/1.35.62 md/Botocore#1.35.62 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.35.62";
    static final String NODE_LAMBDA = "aws-sdk-js/3.699.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/s3#3.699.0 exec-env/AWS_Lambda_nodejs20.x m/E,e";
    static final String GO_ECS = "aws-sdk-go-v2/1.32.5 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 exec-env/AWS_ECS_FARGATE m/E,Z";
    static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.78.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.5 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64";
    static final String GITHUB_DEPLOY = "aws-cli/2.22.2 md/awscrt#0.22.0 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/GitHubActions cfg/retry-mode#standard md/installer#exe";
    static final String GITHUB_OIDC = "aws-sdk-js/3.693.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.0 api/sts#3.693.0 m/E configure-aws-credentials-for-github-actions";
    static final String JENKINS_CLI = "aws-cli/1.33.21 Python/3.9.18 Linux/4.14.355-271.569.amzn2.x86_64 botocore/1.34.139";
    static final String BACKUP_SCRIPT = "Boto3/1.26.137 Python/3.8.10 Linux/5.4.0-196-generic Botocore/1.29.137";
    static final String BOTO3_EC2 = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.1.112-124.190.amzn2023.x86_64 md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54";
    static final String GO_EC2 = "aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#arm64 m/E,g";
    static final String BOTO3_SCRIPT = "Boto3/1.34.144 md/Botocore#1.34.144 ua/2.0 os/linux#5.15.0-122-generic md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.144";
    static final String JAVA_SDK_SERVER = "aws-sdk-java/2.28.29 Linux/5.15.0-122-generic OpenJDK_64-Bit_Server_VM/17.0.12+7 Java/17.0.12 vendor/Eclipse_Adoptium io/sync http/Apache cfg/retry-mode/legacy";
    static final String SCANNER = "aws-sdk-go-v2/1.30.4 os/linux lang/go#1.22.6 md/GOOS#linux md/GOARCH#amd64 api/iam#1.34.3 cspm-collector/4.12.0";

    private UserAgents() {
    }
}
