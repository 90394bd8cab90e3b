package org.flatracoon.netstack.app.hesinfo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@code /etc/resolv.conf} that the glibc stub resolver (and so libhesiod) uses for one query:
 * up to three {@code nameserver} lines (port 53), {@code options timeout:N attempts:N}. Without any nameserver
 * line glibc asks 127.0.0.1. {@code RES_OPTIONS} in the environment overrides the options, as in glibc.
 */
public record ResolvConf(List<InetSocketAddress> nameservers, Duration timeout, int attempts) {
    public static final Path DEFAULT_FILE = Path.of("/etc/resolv.conf");
    static final int MAX_NAMESERVERS = 3;
    static final int DNS_PORT = 53;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_ATTEMPTS = 2;

    public ResolvConf {
        nameservers = List.copyOf(nameservers);
    }

    /** An unreadable file counts as an empty one, as in glibc. */
    public static ResolvConf load(Path file, String resOptions) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            content = "";
        }
        return parse(content, resOptions);
    }

    public static ResolvConf parse(String content, String resOptions) {
        List<InetSocketAddress> servers = new ArrayList<>();
        int[] options = {(int) DEFAULT_TIMEOUT.toSeconds(), DEFAULT_ATTEMPTS};
        for (String line : content.split("\n")) {
            String[] words = line.strip().split("[ \t]+");
            if (words.length < 2 || words[0].startsWith("#") || words[0].startsWith(";")) {
                continue;
            }
            if (words[0].equals("nameserver") && servers.size() < MAX_NAMESERVERS) {
                numericAddress(words[1]).ifPresent(a -> servers.add(new InetSocketAddress(a, DNS_PORT)));
            } else if (words[0].equals("options")) {
                applyOptions(words, 1, options);
            }
        }
        if (resOptions != null) {
            applyOptions(resOptions.strip().split("[ \t]+"), 0, options);
        }
        if (servers.isEmpty()) {
            servers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), DNS_PORT));
        }
        return new ResolvConf(servers, Duration.ofSeconds(options[0]), options[1]);
    }

    private static void applyOptions(String[] words, int from, int[] options) {
        for (int i = from; i < words.length; i++) {
            // glibc caps timeout at 30 s and attempts at 5
            if (words[i].startsWith("timeout:")) {
                options[0] = clamp(words[i].substring(8), 1, 30, options[0]);
            } else if (words[i].startsWith("attempts:")) {
                options[1] = clamp(words[i].substring(9), 1, 5, options[1]);
            }
        }
    }

    private static int clamp(String text, int min, int max, int fallback) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Only numeric addresses, as glibc accepts (an IPv6 zone suffix {@code %eth0} is dropped). */
    private static java.util.Optional<InetAddress> numericAddress(String text) {
        String address = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
