package org.flatracoon.lab.topology;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network: its first address and the prefix length. The network address is
 * always stored with its host bits cleared, so two prefixes for the same network are equal.
 */
public record IpPrefix(InetAddress network, int length) {

    public IpPrefix {
        Objects.requireNonNull(network, "network");
        checkLength(network, length);
        network = IpText.fromBytes(masked(network.getAddress(), length));
    }

    /** Parses {@code 192.0.2.0/24} or {@code 2001:db8:1::/64}; host bits must be zero. */
    public static IpPrefix parse(String text) {
        InterfaceAddress address = InterfaceAddress.parse(text);
        IpPrefix prefix = address.subnet();
        if (!prefix.network().equals(address.address())) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network is " + prefix);
        }
        return prefix;
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.getAddress().length
                && java.util.Arrays.equals(masked(bytes, length), network.getAddress());
    }

    /** True if the two networks share at least one address (one contains the other). */
    public boolean overlaps(IpPrefix other) {
        return contains(other.network) || other.contains(network);
    }

    /**
     * The address {@code offsetFromNetwork} after the network address: {@code hostAt(1)} is the
     * first host. Throws if the offset falls outside the prefix.
     */
    public InetAddress hostAt(long offsetFromNetwork) {
        BigInteger offset = BigInteger.valueOf(offsetFromNetwork);
        if (offset.signum() < 0 || offset.compareTo(size()) >= 0) {
            throw new IllegalArgumentException("offset " + offsetFromNetwork + " is outside " + this);
        }
        return at(offset);
    }

    /**
     * The highest address a host may use: for IPv4 the one below the broadcast address (or the
     * last address of a /31 or /32, which have no broadcast); for IPv6 the last address.
     */
    public InetAddress lastHost() {
        BigInteger last = size().subtract(BigInteger.ONE);
        boolean hasBroadcast = bits() == 32 && length <= 30;
        return at(hasBroadcast ? last.subtract(BigInteger.ONE) : last);
    }

    /** The IPv4 broadcast address, i.e. the last address of the prefix (for IPv6 simply the last one). */
    InetAddress lastAddress() {
        return at(size().subtract(BigInteger.ONE));
    }

    public boolean isIpv4() {
        return bits() == 32;
    }

    @Override
    public String toString() {
        return IpText.format(network) + "/" + length;
    }

    private BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits() - length);
    }

    private int bits() {
        return network.getAddress().length * 8;
    }

    private InetAddress at(BigInteger offset) {
        BigInteger value = new BigInteger(1, network.getAddress()).add(offset);
        return IpText.fromBytes(toBytes(value, network.getAddress().length));
    }

    private static byte[] toBytes(BigInteger value, int size) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, bytes, size - copy, copy);
        return bytes;
    }

    static void checkLength(InetAddress address, int length) {
        int max = IpText.maxPrefixLength(address);
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length /" + length + " is out of range for "
                    + IpText.familyName(address) + " (0-" + max + ")");
        }
    }

    static byte[] masked(byte[] bytes, int length) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, length - 8 * i));
            out[i] &= (byte) (0xff00 >> keep);
        }
        return out;
    }
}
