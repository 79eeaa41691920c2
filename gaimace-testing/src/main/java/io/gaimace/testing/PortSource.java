package io.gaimace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out loopback ports that were free a moment ago. The port is released before the server
 * binds it, so another process may take it first; {@link NatsServerProcess} retries once when that
 * happens.
 */
@FunctionalInterface
interface PortSource {

  /** Returns {@code count} distinct ports. */
  int[] allocate(int count);

  /**
   * Ports the kernel picks: every socket is held open until all are bound, so they are distinct.
   */
  static PortSource free() {
    return PortSource::bindAndRelease;
  }

  /**
   * The given ports on the first call (the cluster reserves all its ports at once so that nodes do
   * not collide), free ports on later calls.
   */
  static PortSource presetThenFree(int... preset) {
    int[] ports = preset.clone();
    AtomicBoolean used = new AtomicBoolean();
    return count -> {
      if (count == ports.length && used.compareAndSet(false, true)) {
        return ports.clone();
      }
      return bindAndRelease(count);
    };
  }

  private static int[] bindAndRelease(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, loopback);
      }
      return Arrays.stream(sockets).mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    } finally {
      for (ServerSocket socket : sockets) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // The port is released either way when the JVM drops the socket.
    }
  }
}
