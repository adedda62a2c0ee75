package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth token endpoint with JWTs signed the way Google's ServiceAccountCredentials signs them. */
class TokenEndpointTest {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static KeyPair keys;
    private static VideoEmulator emulator;
    private static GoogleTestClient client;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        // A static token is configured, so only it and issued tokens are accepted.
        emulator = VideoEmulator.builder().accessToken("ya29.static-token").jobDuration(Duration.ofHours(1)).start();
        client = new GoogleTestClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JWT as ServiceAccountCredentials builds it: RS256 over header.claims, base64url without padding. */
    private static String jwt(String header, String claims) throws Exception {
        String signingInput = b64(header) + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String claims(long iat, long exp, boolean withScope) {
        return "{\"iss\":\"emulator@test-project.iam.gserviceaccount.com\",\"aud\":\"" + emulator.tokenUrl() + "\","
                + "\"exp\":" + exp + ",\"iat\":" + iat
                + (withScope ? ",\"scope\":\"https://www.googleapis.com/auth/cloud-platform\"" : "") + "}";
    }

    private static String validJwt() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", claims(now, now + 3600, true));
    }

    private static HttpResponse<String> exchange(String grantType, String assertion) {
        return client.postForm(emulator.tokenUrl(), "grant_type=" + URLEncoder.encode(grantType, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8));
    }

    @Test
    void aServiceAccountJwtGetsATokenVertexAndStorageAccept() throws Exception {
        HttpResponse<String> response = exchange(GRANT, validJwt());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = TestClient.json(response);
        String token = json.get("access_token").asText();
        assertThat(token).startsWith("ya29.emu-");
        assertThat(json.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");

        GoogleTestClient issued = client.withBearer(token);
        assertThat(issued.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}").statusCode()).isEqualTo(200);
        emulator.putStorageObject("b", "o.txt", "x".getBytes(), "text/plain");
        assertThat(issued.vertexGet(issued.storageUrl("b", "o.txt")).statusCode()).isEqualTo(200);
        assertThat(client.withBearer("ya29.static-token").vertexGet(issued.storageUrl("b", "o.txt")).statusCode())
                .isEqualTo(200);
        assertThat(client.withBearer("ya29.emu-made-up").vertexGet(issued.storageUrl("b", "o.txt")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void eachExchangeIssuesAFreshToken() throws Exception {
        String first = TestClient.json(exchange(GRANT, validJwt())).get("access_token").asText();
        String second = TestClient.json(exchange(GRANT, validJwt())).get("access_token").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anotherGrantTypeIsRefused() throws Exception {
        HttpResponse<String> response = exchange("client_credentials", validJwt());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(TestClient.json(response).get("error_description").asText()).contains("client_credentials");
    }

    @Test
    void malformedAssertionsAreInvalidGrants() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String[] bad = {
            "",
            "not-a-jwt",
            b64("{\"alg\":\"RS256\"}") + "." + b64(claims(now, now + 3600, true)) + ".",
            jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims(now, now + 3600, true)),
            jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims(now, now + 3600, false)),
            jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims(now, now + 7200, true)),
            jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"iss\":\"a\",\"aud\":\"b\",\"scope\":\"c\",\"iat\":1}"),
            "e30.e30.sig" + "!".repeat(3),
        };
        for (String assertion : bad) {
            HttpResponse<String> response = exchange(GRANT, assertion);

            assertThat(response.statusCode()).as(assertion).isEqualTo(400);
            JsonNode json = TestClient.json(response);
            assertThat(json.get("error").asText()).as(assertion).isEqualTo("invalid_grant");
            assertThat(json.get("error_description").asText()).isNotEmpty();
        }
    }

    @Test
    void onlyPostIsAllowed() {
        HttpResponse<byte[]> response = client.getBytes(emulator.tokenUrl());

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
