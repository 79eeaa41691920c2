package io.gaimace.sdk.example;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A complete Gaimace program: it joins a room, greets it, and answers every message that starts
 * with {@code !echo }. Run it after {@code ./run.sh} with a user's token:
 *
 * <pre>
 * mvn -q -B -DskipTests -pl gaimace-sdk -am install
 * java -cp "gaimace-sdk/target/test-classes:$(cat gaimace-sdk/target/test-classpath.txt)" \
 *     io.gaimace.sdk.example.EchoBot \
 *     nats://127.0.0.1:4222 "$(cat .gaimace/bob.token)" lobby
 * </pre>
 */
public final class EchoBot {
  private EchoBot() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: EchoBot NATS_URL TOKEN ROOM");
      System.exit(2);
    }
    run(ClientOptions.builder(args[1]).server(args[0]).build(), args[2], null);
  }

  /** Runs until {@code stop} counts down (or forever when it is null). */
  public static void run(ClientOptions options, String room, CountDownLatch stop)
      throws InterruptedException {
    try (GaimaceClient chat = Gaimace.connect(options)) {
      chat.blocking(Duration.ofSeconds(10)).joinRoom(room);
      chat.addListener(
          new GaimaceListener() {
            @Override
            public void onMessage(ChatMessage m) {
              System.out.println(m.sender() + ": " + m.content());
              if (m.dialogueId().equals(room) && m.content().startsWith("!echo ")) {
                chat.send(room, "echo: " + m.content().substring(6));
              }
            }
          });
      chat.send(room, "EchoBot is here. Say !echo something.").join();
      if (stop == null) {
        Thread.currentThread().join();
      } else {
        stop.await(60, TimeUnit.SECONDS);
      }
    }
  }
}
