package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpIntelligenceTest {
    static final String RANGES = String.join("\n",
            "# first\tlast\tasn\tcountry\torganisation",
            "84.128.0.0\t84.191.255.255\t3320\tDE\tDTAG Internet service provider operations",
            "159.223.0.0\t159.223.255.255\t14061\tUS\tDIGITALOCEAN-ASN",
            "10.0.0.0\t10.255.255.255\t0\tNone\tNot routed",
            "2a01:4f8::\t2a01:4f8:ffff:ffff:ffff:ffff:ffff:ffff\t24940\tDE\tHETZNER-AS",
            "");
    static final String AWS = """
            {"syncToken":"1","createDate":"2026-11-30-00-00-00","prefixes":[
              {"ip_prefix":"3.0.0.0/15","region":"us-east-1","service":"AMAZON","network_border_group":"us-east-1"},
              {"ip_prefix":"3.0.5.32/29","region":"us-east-1","service":"EC2","network_border_group":"us-east-1"}],
             "ipv6_prefixes":[{"ipv6_prefix":"2600:1f18::/36","region":"us-east-1","service":"EC2"}]}""";

    static IpIntelligence sample() throws IOException {
        return IpIntelligence.read(stream(RANGES), "asn.tsv", stream(AWS), "ip-ranges.json");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsWhoOperatesAnAddressAndWhere() throws IOException {
        IpIntelligence intel = sample();
        assertEquals(new IpIntelligence.Owner(3320, "DTAG Internet service provider operations", "DE"), intel.lookUp("84.150.3.7"));
        assertEquals("AS14061 DIGITALOCEAN-ASN", intel.lookUp("159.223.10.20").operator());
        assertEquals("AS24940 HETZNER-AS", intel.lookUp("2a01:4f8:c17:1::2").operator());
        assertNull(intel.lookUp("10.1.2.3"), "unrouted ranges say nothing");
        assertNull(intel.lookUp("8.8.8.8"));
        assertNull(intel.lookUp("AWS Internal"));
    }

    @Test
    void awsOwnRangesWinAndTheNarrowestPrefixNamesTheService() throws IOException {
        IpIntelligence intel = sample();
        assertEquals("AWS EC2 us-east-1", intel.lookUp("3.0.5.33").operator());
        assertEquals("AWS AMAZON us-east-1", intel.lookUp("3.1.200.1").operator());
        assertEquals("AWS EC2 us-east-1", intel.lookUp("2600:1f18:abc::1").operator());
        assertNull(intel.lookUp("2600:1f18:4000::1"), "past the /36");
    }

    @Test
    void aBadLineNamesItsFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(stream("1.2.3.0,1.2.3.255,64500,NL,Example\n1.2.4.0,1.2.4.x,64500,NL,Example\n"), "r.csv", null, null));
        assertEquals("r.csv:2: '1.2.4.x' is not an IP address", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(stream("1.2.3.0,1.2.3.255,ASx,NL\n"), "r.csv", null, null));
        assertEquals("r.csv:1: the AS number 'ASx' is not a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(stream("1.2.3.0,1.2.3.255\n"), "r.csv", null, null));
        assertTrue(e.getMessage().startsWith("r.csv:1: expected 'first-address, last-address, asn, country[, organisation]'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(null, null, stream("{\"prefixes\":[{\"ip_prefix\":\"3.0.0.0/40\"}]}"), "ip-ranges.json"));
        assertTrue(e.getMessage().startsWith("ip-ranges.json: line 1: '3.0.0.0/40' is not a CIDR prefix"), e.getMessage());
    }

    @Test
    void withoutFilesNothingIsKnown() {
        assertTrue(IpIntelligence.none().isEmpty());
        assertNull(IpIntelligence.none().lookUp("159.223.10.20"));
    }

    @Test
    void theNarrowestOfNestedIpv6RangesWinsAndANamedServiceBeatsAmazonsCatchAll() throws IOException {
        String ranges = "2001:db8::\t2001:db8:0:ffff:ffff:ffff:ffff:ffff\t64500\tNL\tWIDE\n"
                + "2001:db8::\t2001:db8::ffff:ffff:ffff:ffff\t64501\tNL\tNARROW-64\n";
        String aws = "{\"prefixes\":[{\"ip_prefix\":\"52.94.0.0/22\",\"region\":\"us-east-1\",\"service\":\"EC2\"},"
                + "{\"ip_prefix\":\"52.94.0.0/22\",\"region\":\"us-east-1\",\"service\":\"AMAZON\"}]}";
        IpIntelligence intel = IpIntelligence.read(stream(ranges), "r.tsv", stream(aws), "aws.json");
        assertEquals("AS64501 NARROW-64", intel.lookUp("2001:db8::1").operator());
        assertEquals("AS64500 WIDE", intel.lookUp("2001:db8:0:1::1").operator());
        assertEquals("AWS EC2 us-east-1", intel.lookUp("52.94.1.1").operator());
    }

    @Test
    void anEmptyOrMixedRangeAndAFileThatIsNotAwsRangesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(stream("1.2.3.255,1.2.3.0,64500,NL,Backwards\n"), "r.csv", null, null));
        assertTrue(e.getMessage().startsWith("r.csv:1: the range 1.2.3.255 to 1.2.3.0 is empty or mixes IPv4 and IPv6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(stream("1.2.3.0,2001:db8::1,64500,NL,Mixed\n"), "r.csv", null, null));
        assertTrue(e.getMessage().startsWith("r.csv:1: the range 1.2.3.0 to 2001:db8::1 is empty or mixes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> IpIntelligence.read(null, null, stream("{\"something\":[]}"), "other.json"));
        assertEquals("other.json: no \"prefixes\": not AWS's ip-ranges.json", e.getMessage());
    }
}
