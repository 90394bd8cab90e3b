package org.flatracoon.netstack.overlay.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flatracoon.netstack.overlay.config.ControllerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path state;
    private ControllerServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ControllerServer start(Optional<String> token) throws Exception {
        server = ControllerServer.start(new ControllerSettings(state, InetAddress.getLoopbackAddress(), 0, 0, token));
        return server;
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
        if (token != null) {
            b.header("X-ZT1-Auth", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiNeedsTheTokenFromTheStateDirWhenNoneIsConfigured() throws Exception {
        start(Optional.empty());
        String token = Files.readString(state.resolve("authtoken.secret")).strip();
        assertThat(token).hasSize(24);
        assertThat(call("GET", "/controller", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/controller", "wrong-token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = call("GET", "/controller?auth=" + token, null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(ok.body());
        assertThat(status.get("controller").asBoolean()).isTrue();
        assertThat(status.get("apiVersion").asInt()).isEqualTo(3);
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void networksAndMembersFollowZeroTiersPathsAndShapes() throws Exception {
        start(Optional.of("token-12345"));
        String ctrl = server.controller().identity().address().toString();
        HttpResponse<String> created = call("POST", "/controller/network/" + ctrl + "______", "token-12345",
                "{'name':'k8s','private':true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String nwid = JSON.readTree(created.body()).get("id").asText();
        assertThat(JSON.readTree(call("GET", "/controller/network", "token-12345", null).body()))
                .containsExactly(JSON.getNodeFactory().textNode(nwid));
        HttpResponse<String> member = call("POST", "/controller/network/" + nwid + "/member/89e92ceee5",
                "token-12345", "{'authorized':true,'ipAssignments':['198.51.100.9']}");
        assertThat(JSON.readTree(member.body()).get("ipAssignments").get(0).asText()).isEqualTo("198.51.100.9");
        assertThat(JSON.readTree(call("GET", "/controller/network/" + nwid + "/member", "token-12345", null).body())
                .has("89e92ceee5")).isTrue();
        assertThat(call("DELETE", "/controller/network/" + nwid + "/member/89e92ceee5", "token-12345", null)
                .statusCode()).isEqualTo(200);
        assertThat(call("GET", "/controller/network/" + nwid + "/member/89e92ceee5", "token-12345", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetAClearErrorAndTheServerKeepsServing() throws Exception {
        start(Optional.of("token-12345"));
        String ctrl = server.controller().identity().address().toString();
        HttpResponse<String> notJson = call("POST", "/controller/network/" + ctrl + "______", "token-12345", "{oops");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").asText()).contains("not JSON");
        HttpResponse<String> typed = call("POST", "/controller/network/" + ctrl + "______", "token-12345",
                "{'mtu':'big'}");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body()).contains("'mtu'");
        assertThat(call("PUT", "/controller/network", "token-12345", "{}").statusCode()).isEqualTo(405);
        assertThat(call("GET", "/controller/nothing", "token-12345", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/netconf/" + ctrl + "000001", null, "[1,2]").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/controller", "token-12345", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/metrics", null, null).body())
                .contains("overlay_controller_config_requests_total{result=\"bad_request\"} 1.0");
    }
}
