package io.gaimace.sdk.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceListener;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The example program works as its Javadoc says. */
class EchoBotTest {
  @Test
  void theEchoBotGreetsAndEchoes() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start();
        GaimaceClient ann =
            Gaimace.connect(
                ClientOptions.builder(env.user("ann")).server(env.nats().clientUrl()).build())) {
      ann.blocking(Duration.ofSeconds(10))
          .createRoom(new CreateRoomRequest("lobby", null, null, "public", null));
      BlockingQueue<String> seen = new LinkedBlockingQueue<>();
      ann.addListener(
          new GaimaceListener() {
            @Override
            public void onMessage(ChatMessage m) {
              seen.add(m.sender() + ": " + m.content());
            }
          });
      CountDownLatch stop = new CountDownLatch(1);
      String botToken = env.user("bot");
      Thread bot =
          new Thread(
              () -> {
                try {
                  EchoBot.run(
                      ClientOptions.builder(botToken).server(env.nats().clientUrl()).build(),
                      "lobby",
                      stop);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      bot.start();
      assertThat(seen.poll(15, TimeUnit.SECONDS)).startsWith("bot: EchoBot is here");
      ann.send("lobby", "!echo hello 🌍").get();
      assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("ann: !echo hello 🌍");
      assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("bot: echo: hello 🌍");
      stop.countDown();
      bot.join(10_000);
    }
  }
}
