package io.payout.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The optional allow-list of networks Huifu's notifications may come from ({@code gateway.allowed-networks}).
 * Empty means off. Behind a load balancer the remote address is the balancer's unless the server is told to
 * trust its forwarding headers ({@code server.forward-headers-strategy=native}); see README.md.
 */
public final class SourceNetworks {

    /** Only address literals: a host name here would mean a DNS lookup at start-up and a silent dependency. */
    private static final Pattern LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    private SourceNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address); fails fast on nonsense. */
    public static SourceNetworks of(List<String> cidrs) {
        return new SourceNetworks(cidrs.stream().map(String::strip).filter(cidr -> !cidr.isEmpty())
                .map(SourceNetworks::block).toList());
    }

    public boolean isOff() {
        return blocks.isEmpty();
    }

    /** True when the list is off or the address lies in one of its blocks; an unreadable address is not allowed. */
    public boolean allows(String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] address = literal(remoteAddress);
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "any source" : blocks.toString();
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("gateway.allowed-networks: not an address block: " + cidr);
        }
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gateway.allowed-networks: bad prefix length: " + cidr);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("gateway.allowed-networks: prefix length out of range: " + cidr);
        }
        return new Block(cidr, network, prefix);
    }

    private static byte[] literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            // IPv4-mapped IPv6 addresses come back as IPv4, so "::ffff:10.0.0.1" matches 10.0.0.0/8.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(String text, byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
