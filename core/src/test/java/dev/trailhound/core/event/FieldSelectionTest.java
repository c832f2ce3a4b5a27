package dev.trailhound.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSelectionTest {
    private static final ObjectReader READER = new ObjectMapper().reader();

    private static String extract(List<String> paths, String json) throws Exception {
        return FieldSelection.of(paths).extract(json.getBytes(StandardCharsets.UTF_8), READER.getFactory(), READER).toString();
    }

    @Test
    void keeps_only_the_selected_paths_with_whole_values_at_their_ends() throws Exception {
        String record = "{\"eventName\":\"PutBucketPolicy\",\"requestParameters\":{\"bucketName\":\"b\",\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\"}]},"
                + "\"host\":[\"x\"]},\"responseElements\":null,\"userIdentity\":{\"type\":\"IAMUser\",\"sessionContext\":{\"attributes\":{}}}}";
        assertThat(extract(List.of("requestParameters.bucketPolicy", "userIdentity.type", "missing.path"), record))
                .isEqualTo("{\"requestParameters\":{\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\"}]}},\"userIdentity\":{\"type\":\"IAMUser\"}}");
    }

    @Test
    void arrays_on_the_way_keep_every_element_cut_to_the_rest_of_the_path() throws Exception {
        String record = "{\"requestParameters\":{\"ipPermissions\":{\"items\":[{\"fromPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\",\"d\":1}]}},"
                + "{\"fromPort\":443,\"ipRanges\":{\"items\":[{\"cidrIp\":\"10.0.0.0/8\"}]}}]}}}";
        assertThat(extract(List.of("requestParameters.ipPermissions.items.ipRanges.items.cidrIp"), record)).isEqualTo(
                "{\"requestParameters\":{\"ipPermissions\":{\"items\":[{\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}},"
                        + "{\"ipRanges\":{\"items\":[{\"cidrIp\":\"10.0.0.0/8\"}]}}]}}}");
    }

    @Test
    void a_selected_path_and_a_longer_one_below_it_keep_the_whole_value() throws Exception {
        String record = "{\"requestParameters\":{\"a\":1,\"b\":{\"c\":2}}}";
        assertThat(extract(List.of("requestParameters", "requestParameters.b.c"), record)).isEqualTo(record);
    }
}
