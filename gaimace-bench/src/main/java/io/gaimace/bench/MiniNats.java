package io.gaimace.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thousands of minimal NATS client connections on one selector thread: each sends {@code CONNECT}
 * with a token and a {@code PING}, counts as connected at the server's {@code PONG} (the server
 * answers only once authentication succeeded), then only answers the server's pings. No
 * subscriptions, no threads per connection: a full NATS client per user (jnats: reader, writer and
 * dispatcher threads each) would measure this JVM, not the servers.
 */
final class MiniNats implements AutoCloseable {
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Selector selector;
  private final Thread loop;
  private final Queue<Conn> incoming = new ConcurrentLinkedQueue<>();
  private final Set<Conn> all = new HashSet<>();
  private final AtomicInteger open = new AtomicInteger();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private volatile boolean closed;
  private volatile boolean closeAllRequested;

  MiniNats() throws IOException {
    this.selector = Selector.open();
    this.loop = Threads.start("mini-nats", this::run);
  }

  /**
   * Opens a connection; the future completes when the server accepted the token, and fails with the
   * server's {@code -ERR} line or a network error.
   */
  CompletableFuture<Void> connect(InetSocketAddress address, String token) {
    Conn c = new Conn(address, token);
    incoming.add(c);
    selector.wakeup();
    return c.ready;
  }

  /** Connections authenticated and still open. */
  int open() {
    return open.get();
  }

  /** Closes every connection (asynchronously, on the selector thread). */
  void closeAll() {
    closeAllRequested = true;
    selector.wakeup();
  }

  @Override
  public void close() {
    closeAll();
    closed = true;
    selector.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(1000);
        Conn c;
        while ((c = incoming.poll()) != null) {
          c.start();
        }
        if (closeAllRequested) {
          closeAllRequested = false;
          for (Conn each : List.copyOf(all)) {
            each.shut(null);
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Conn conn = (Conn) key.attachment();
          try {
            if (key.isValid() && key.isConnectable()) {
              conn.channel.finishConnect();
              key.interestOps(SelectionKey.OP_READ);
            }
            if (key.isValid() && key.isReadable()) {
              conn.read();
            }
            if (key.isValid() && key.isWritable()) {
              conn.flush();
            }
          } catch (IOException e) {
            conn.shut(e);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("mini-nats selector failed: " + e);
    } finally {
      for (Conn each : List.copyOf(all)) {
        each.shut(null);
      }
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** One connection; touched only by the selector thread. */
  private final class Conn {
    final InetSocketAddress address;
    final String token;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final StringBuilder line = new StringBuilder();
    SocketChannel channel;
    SelectionKey key;
    ByteBuffer unsent;
    boolean established;
    boolean shut;

    Conn(InetSocketAddress address, String token) {
      this.address = address;
      this.token = token;
    }

    void start() {
      try {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        boolean connected = channel.connect(address);
        key =
            channel.register(
                selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        all.add(this);
      } catch (IOException e) {
        shut(e);
      }
    }

    void read() throws IOException {
      readBuffer.clear();
      int n = channel.read(readBuffer);
      if (n < 0) {
        shut(new IOException("connection closed by the server"));
        return;
      }
      readBuffer.flip();
      while (readBuffer.hasRemaining() && !shut) {
        char ch = (char) readBuffer.get();
        if (ch == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          onLine(line.toString());
          line.setLength(0);
        } else if (line.length() < 16 * 1024) {
          line.append(ch);
        }
      }
    }

    void onLine(String l) throws IOException {
      if (l.startsWith("INFO")) {
        if (!established && unsent == null) {
          String connect =
              "CONNECT {\"verbose\":false,\"pedantic\":false,\"tls_required\":false,"
                  + "\"name\":\"bench\",\"lang\":\"java\",\"version\":\"bench\",\"protocol\":1,"
                  + "\"auth_token\":\""
                  + token
                  + "\"}\r\nPING\r\n";
          write(connect.getBytes(StandardCharsets.UTF_8));
        }
      } else if (l.equals("PING")) {
        write(PONG);
      } else if (l.equals("PONG")) {
        if (!established) {
          established = true;
          open.incrementAndGet();
          ready.complete(null);
        }
      } else if (l.startsWith("-ERR")) {
        shut(new IOException(l));
      }
    }

    void write(byte[] bytes) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (unsent != null) {
        ByteBuffer merged = ByteBuffer.allocate(unsent.remaining() + b.remaining());
        merged.put(unsent).put(b).flip();
        b = merged;
      }
      unsent = b;
      flush();
    }

    void flush() throws IOException {
      if (unsent == null) {
        return;
      }
      channel.write(unsent);
      if (unsent.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      } else {
        unsent = null;
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void shut(IOException why) {
      if (shut) {
        return;
      }
      shut = true;
      all.remove(this);
      if (established) {
        open.decrementAndGet();
      } else {
        ready.completeExceptionally(why != null ? why : new IOException("closed"));
      }
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // already closing
      }
    }
  }
}
