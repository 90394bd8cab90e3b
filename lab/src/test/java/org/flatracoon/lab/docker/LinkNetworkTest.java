package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Optional;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.LinkSpec;
import org.junit.jupiter.api.Test;

/** The Docker network of a link: its name, and the bridge (gateway) address it claims from the link's subnet. */
class LinkNetworkTest {

    private static Endpoint endpoint(String node, String ipv4, String ipv6) {
        return new Endpoint(node, "eth1", Optional.ofNullable(ipv4).map(InterfaceAddress::parse),
                Optional.ofNullable(ipv6).map(InterfaceAddress::parse));
    }

    private static LinkNetwork network(Endpoint a, Endpoint b) {
        return LinkNetwork.of("lab", 1, new LinkSpec(a, b));
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void ipv4GatewayIsTheHighestHostAddressOfTheSubnet() {
        LinkNetwork network = network(endpoint("a", "198.51.100.1/24", null), endpoint("b", "198.51.100.2/24", null));
        assertThat(network.ipv4Gateway()).contains("198.51.100.254");
        assertThat(network.ipv6Gateway()).isEmpty();
    }

    @Test
    void ipv4GatewayOfASmallerSubnetStaysInsideIt() {
        LinkNetwork network = network(endpoint("a", "203.0.113.33/27", null), endpoint("b", "203.0.113.34/27", null));
        assertThat(network.ipv4Gateway()).contains("203.0.113.62");
    }

    @Test
    void ipv4GatewaySkipsAddressesTheEndpointsUse() {
        assertThat(network(endpoint("a", "198.51.100.254/24", null), endpoint("b", "198.51.100.1/24", null))
                .ipv4Gateway()).contains("198.51.100.253");
        assertThat(network(endpoint("a", "198.51.100.254/24", null), endpoint("b", "198.51.100.253/24", null))
                .ipv4Gateway()).contains("198.51.100.252");
    }

    @Test
    void ipv6GatewayIsOneBelowTheLastAddress() throws Exception {
        LinkNetwork network = network(endpoint("a", null, "2001:db8:1::1/64"), endpoint("b", null, "2001:db8:1::2/64"));
        assertThat(network.ipv4Gateway()).isEmpty();
        assertThat(ip(network.ipv6Gateway().orElseThrow())).isEqualTo(ip("2001:db8:1::ffff:ffff:ffff:fffe"));
    }

    @Test
    void ipv6GatewaySkipsAddressesTheEndpointsUse() throws Exception {
        LinkNetwork network = network(endpoint("a", "198.51.100.1/24", "2001:db8:1::ffff:ffff:ffff:fffe/64"),
                endpoint("b", "198.51.100.2/24", "2001:db8:1::ffff:ffff:ffff:fffd/64"));
        assertThat(ip(network.ipv6Gateway().orElseThrow())).isEqualTo(ip("2001:db8:1::ffff:ffff:ffff:fffc"));
        assertThat(network.ipv4Gateway()).contains("198.51.100.254");
    }

    @Test
    void aSubnetWithNoFreeAddressIsRefusedNamingTheLink() {
        LinkNetwork network = network(endpoint("a", "198.51.100.1/30", null), endpoint("b", "198.51.100.2/30", null));
        assertThatThrownBy(network::ipv4Gateway)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a:eth1--b:eth1")
                .hasMessageContaining("198.51.100.0/30")
                .hasMessageContaining("no address left");
    }

    @Test
    void networkNameCarriesLabIndexAndNodesAndStaysShortAndDistinct() {
        LinkSpec link = new LinkSpec(endpoint("a", "198.51.100.1/24", null), endpoint("b", "198.51.100.2/24", null));
        assertThat(LinkNetwork.of("it-wiring", 2, link).name()).isEqualTo("flr-it-wiring-2-a-b");

        // the longest names the loader allows: 31 characters each
        LinkSpec longLink = new LinkSpec(endpoint("n123456789012345678901234567890", "198.51.100.1/24", null),
                endpoint("m123456789012345678901234567890", "198.51.100.2/24", null));
        String lab = "l123456789012345678901234567890";
        String first = LinkNetwork.of(lab, 1, longLink).name();
        String tenth = LinkNetwork.of(lab, 10, longLink).name();
        assertThat(first).hasSizeLessThanOrEqualTo(60);
        assertThat(tenth).hasSizeLessThanOrEqualTo(60);
        assertThat(first).isNotEqualTo(tenth);
    }

    @Test
    void joinsOnlyItsOwnEndpoints() {
        Endpoint a = endpoint("a", "198.51.100.1/24", null);
        LinkNetwork network = network(a, endpoint("b", "198.51.100.2/24", null));
        assertThat(network.joins(a)).isTrue();
        assertThat(network.joins(endpoint("c", "198.51.100.3/24", null))).isFalse();
        assertThat(network.linkLabel()).isEqualTo("a:eth1--b:eth1");
    }
}
