package dev.trailhound.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int scan(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    static String record(String id, String time) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
                + "\"accountId\":\"111122223333\",\"userName\":\"alice\",\"accessKeyId\":\"AKIAEXAMPLE\"},\"eventTime\":\"" + time
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"198.51.100.4\",\"userAgent\":\"aws-cli/2.15.0\",\"eventID\":\"" + id
                + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
    }

    private Path deliveryObject(String name, String... records) throws IOException {
        Path file = dir.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/02").resolve(name);
        Files.createDirectories(file.getParent());
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void writes_the_summary_json_and_lists_rejects_with_file_and_position() throws IOException {
        deliveryObject("111122223333_CloudTrail_us-east-1_20261102T1005Z_a.json.gz",
                record("e-1", "2026-11-02T10:00:00Z"), record("e-2", "2026-11-02T10:01:00Z"), "{\"eventID\":\"bad\"}");
        deliveryObject("111122223333_CloudTrail_us-east-1_20261102T1010Z_b.json.gz",
                record("e-2", "2026-11-02T10:01:00Z"), record("e-3", "2026-11-02T10:06:00Z"));
        Path summary = dir.resolve("summary.json");

        int code = scan("--out", dir.resolve("threats.jsonl").toString(), "--summary-json", summary.toString(), dir.resolve("AWSLogs").toString());

        assertThat(code).isZero();
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertThat(s.path("files").asInt()).isEqualTo(2);
        assertThat(s.path("events").asLong()).isEqualTo(3);
        assertThat(s.path("duplicates").asLong()).isEqualTo(1);
        assertThat(s.path("rejected").asLong()).isEqualTo(1);
        assertThat(s.path("threats").asLong()).isZero();
        assertThat(s.has("elapsedMs")).isTrue();
        assertThat(err.toString()).contains("rejected: ").contains("_a.json.gz: record 2 (byte ").contains("it has no eventTime")
                .contains("3 events, 1 rejected, 1 duplicates");
    }

    @Test
    void writes_output_in_place_so_dev_null_works() throws IOException {
        deliveryObject("111122223333_CloudTrail_us-east-1_20261102T1005Z_a.json.gz", record("e-1", "2026-11-02T10:00:00Z"));

        assertThat(scan("--out", "/dev/null", "--detect", "none", dir.toString())).isZero();
    }

    @Test
    void exits_non_zero_when_nothing_could_be_read() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.json"), "this is not json");

        assertThat(scan("--out", "/dev/null", junk.toString())).isEqualTo(ScanCommand.NOTHING_READ);
        assertThat(scan("--out", "/dev/null", dir.resolve("absent").toString())).isEqualTo(ScanCommand.NOTHING_READ);
        assertThat(err.toString()).contains("absent: file: no such file or directory");
    }

    @Test
    void rejects_bad_arguments_with_exit_code_2() throws IOException {
        assertThat(scan("--detect", "everything", dir.toString())).isEqualTo(2);
        assertThat(scan()).isEqualTo(2);
        Path accounts = Files.writeString(dir.resolve("accounts.yml"), "prod: 111122223333\n");
        assertThat(scan("--accounts", accounts.toString(), dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("accounts.yml").contains("key \"prod\" is not a 12-digit account id");
    }

    @Test
    void reads_account_names_from_json_or_yaml() throws Exception {
        Path yaml = Files.writeString(dir.resolve("accounts.yaml"), "\"111122223333\": production\n");
        Path json = Files.writeString(dir.resolve("accounts.json"), "{\"444455556666\": \"sandbox\"}");

        assertThat(AccountNamesFile.read(yaml)).containsEntry("111122223333", "production");
        assertThat(AccountNamesFile.read(json)).containsEntry("444455556666", "sandbox");
    }
}
