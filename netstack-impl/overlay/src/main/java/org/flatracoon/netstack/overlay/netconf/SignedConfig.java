package org.flatracoon.netstack.overlay.netconf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.Hex;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * A network config as the controller sends it: the JSON bytes (base64), the controller's Ed25519 signature over
 * them, and the controller's public identity. Signing bytes rather than a re-serialised object avoids any
 * canonical-JSON question. The controller is self-certifying: its address is the first 40 bits of the network id.
 */
public record SignedConfig(String payload, String signature, String controller) {
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final byte[] LABEL = "flatracoon-overlay-v1 netconf\n".getBytes(StandardCharsets.US_ASCII);

    public static SignedConfig sign(Identity controller, NetworkConfig config) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(config);
            return new SignedConfig(Base64.getEncoder().encodeToString(bytes),
                    Hex.of(controller.sign(labelled(bytes))), controller.publicIdentity().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The config, if the controller identity is the network's controller, the signature verifies, and the config is
     * for this network and member.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public NetworkConfig verify(NetworkId network, Address member) {
        if (payload == null || signature == null || controller == null) {
            throw new IllegalArgumentException("config envelope lacks payload, signature or controller");
        }
        PublicIdentity ctrl = PublicIdentity.parse(controller);
        if (!ctrl.address().equals(network.controller())) {
            throw new IllegalArgumentException("config signed by " + ctrl.address() + ", not by the controller "
                    + network.controller() + " of " + network);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config payload is not base64");
        }
        if (!ctrl.verify(labelled(bytes), Hex.parse(signature))) {
            throw new IllegalArgumentException("config signature does not verify");
        }
        NetworkConfig config;
        try {
            config = JSON.readValue(bytes, NetworkConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("config payload is not a network config: " + e.getMessage());
        }
        if (!network.toString().equals(config.nwid()) || !member.toString().equals(config.member())) {
            throw new IllegalArgumentException("config is for " + config.nwid() + "/" + config.member()
                    + ", not " + network + "/" + member);
        }
        return config;
    }

    public PublicIdentity controllerIdentity() {
        return PublicIdentity.parse(controller);
    }

    private static byte[] labelled(byte[] bytes) {
        byte[] b = Arrays.copyOf(LABEL, LABEL.length + bytes.length);
        System.arraycopy(bytes, 0, b, LABEL.length, bytes.length);
        return b;
    }
}
