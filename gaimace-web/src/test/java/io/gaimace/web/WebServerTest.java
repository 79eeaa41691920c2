package io.gaimace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page, its assets and {@code /config.json}, served from the built class path. */
class WebServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer web;

  @BeforeEach
  void start() throws Exception {
    web = WebServer.start(new WebConfig("127.0.0.1", 0, Optional.of("ws://127.0.0.1:9555")));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(web.url()).resolve(path)).build(),
        BodyHandlers.ofString());
  }

  @Test
  void servesThePageItsAssetsAndTheWebsocketUrl() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("<title>Gaimace</title>", "Content-Security-Policy");

    String script = page.body().replaceAll("(?s).*src=\"\\./(assets/[^\"]+\\.js)\".*", "$1");
    HttpResponse<String> js = get("/" + script);
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.headers().firstValue("Cache-Control")).hasValue("max-age=31536000");

    HttpResponse<String> config = get("/config.json");
    assertThat(config.body()).isEqualTo("{\"nats_websocket_url\":\"ws://127.0.0.1:9555\"}");
    assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void refusesUnknownFilesTraversalAndWrites() throws Exception {
    assertThat(get("/nope.js").statusCode()).isEqualTo(404);
    assertThat(get("/assets/../../WebServer.class").statusCode()).isEqualTo(404);
    assertThat(get("/%2e%2e/WebServer.class").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(web.url()))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void configurationComesFromTheFileWithTheEnvironmentOnTop(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gaimace.properties");
    Files.writeString(file, WebConfig.initialProperties(9333));
    WebConfig fromFile = WebConfig.load(file, Map.of());
    assertThat(fromFile)
        .isEqualTo(new WebConfig("127.0.0.1", 9080, Optional.of("ws://127.0.0.1:9333")));
    assertThat(WebConfig.load(file, Map.of("GAIMACE_WEB_PORT", "-1")).enabled()).isFalse();
    assertThat(WebConfig.load(dir.resolve("absent"), Map.of()).enabled()).isFalse();
    assertThatThrownBy(
            () -> WebConfig.load(file, Map.of("GAIMACE_WEB_NATS_WEBSOCKET_URL", "http://x")))
        .hasMessageContaining("ws://");
    assertThatThrownBy(() -> WebConfig.load(file, Map.of("GAIMACE_WEB_PORT", "eighty")))
        .hasMessageContaining("web.port");
  }
}
