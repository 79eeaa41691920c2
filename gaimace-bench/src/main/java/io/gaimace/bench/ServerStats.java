package io.gaimace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the servers use: nats-server's {@code /varz}, and this JVM's heap after a full GC. */
final class ServerStats {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerStats() {}

  /** nats-server's {@code /varz} (fields {@code mem} in bytes, {@code connections}, ...). */
  static JsonNode varz(String monitorUrl) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(monitorUrl + "/varz"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return ProtocolCodec.mapper().readTree(r.body());
  }

  /** Resident memory of the nats-server process, in MiB. */
  static double natsMemoryMiB(String monitorUrl) throws IOException, InterruptedException {
    return varz(monitorUrl).path("mem").asLong() / (1024.0 * 1024.0);
  }

  static long natsConnections(String monitorUrl) throws IOException, InterruptedException {
    return varz(monitorUrl).path("connections").asLong();
  }

  /** Heap used after full collections, in MiB (MemoryMXBean after System.gc()). */
  static double heapAfterGcMiB() throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return best / (1024.0 * 1024.0);
  }
}
