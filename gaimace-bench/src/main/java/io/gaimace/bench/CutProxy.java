package io.gaimace.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between clients and nats-server that can cut every client off at once: {@link #cut()}
 * closes all relayed connections and stops listening (new connects are refused), {@link #heal()}
 * listens again on the same port. That is a network outage of the clients only: the Gaimace server
 * and the senders stay connected, so messages can be sent to rooms while their members are away.
 * One selector thread relays everything.
 */
final class CutProxy implements AutoCloseable {
  private static final int BUFFER = 16 * 1024;

  private final InetSocketAddress target;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<Pipe> pipes = new HashSet<>();
  private final Thread loop;
  private final int port;
  private ServerSocketChannel listener;
  private volatile boolean closed;

  CutProxy(int targetPort) throws IOException {
    this.target = new InetSocketAddress("127.0.0.1", targetPort);
    this.selector = Selector.open();
    this.listener = bind(0);
    this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    listener.register(selector, SelectionKey.OP_ACCEPT);
    this.loop = Threads.start("cut-proxy", this::run);
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Closes every relayed connection and refuses new ones until {@link #heal()}. */
  void cut() {
    onLoop(
        () -> {
          try {
            listener.close();
          } catch (IOException e) {
            // closing anyway
          }
          for (Pipe p : List.copyOf(pipes)) {
            p.close();
          }
        });
  }

  /** Accepts connections again, on the same port. */
  void heal() {
    onLoop(
        () -> {
          try {
            listener = bind(port);
            listener.register(selector, SelectionKey.OP_ACCEPT);
          } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port + " again", e);
          }
        });
  }

  /** Relayed connections now open. */
  int relayed() {
    CompletableFuture<Integer> n = new CompletableFuture<>();
    tasks.add(() -> n.complete(pipes.size()));
    selector.wakeup();
    return n.join();
  }

  @Override
  public void close() {
    cut();
    closed = true;
    selector.wakeup();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ServerSocketChannel bind(int port) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open();
    s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    s.bind(new InetSocketAddress("127.0.0.1", port), 4096);
    s.configureBlocking(false);
    return s;
  }

  private void onLoop(Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    tasks.add(
        () -> {
          try {
            task.run();
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    selector.wakeup();
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("proxy did not respond", e);
    }
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(500);
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel());
            continue;
          }
          End end = (End) key.attachment();
          try {
            if (key.isConnectable()) {
              end.pipe.connected();
            }
            if (key.isValid() && key.isReadable()) {
              end.read();
            }
            if (key.isValid() && key.isWritable()) {
              end.flush();
            }
          } catch (IOException | java.nio.channels.CancelledKeyException e) {
            end.pipe.close();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("cut-proxy failed: " + e);
    } finally {
      List.copyOf(pipes).forEach(Pipe::close);
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void accept(ServerSocketChannel server) throws IOException {
    SocketChannel client;
    while ((client = server.accept()) != null) {
      SocketChannel upstream = null;
      Pipe p = null;
      try {
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        upstream = SocketChannel.open();
        upstream.configureBlocking(false);
        upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
        p = new Pipe(client, upstream);
        pipes.add(p);
        if (upstream.connect(target)) {
          p.connected();
        } else {
          p.server.key = upstream.register(selector, SelectionKey.OP_CONNECT, p.server);
        }
      } catch (IOException e) {
        // One failed relay must neither stop the proxy nor leave its sockets open.
        if (p != null) {
          p.close();
        } else {
          closeQuietly(client);
          closeQuietly(upstream);
        }
      }
    }
  }

  private static void closeQuietly(SocketChannel c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One side of a relayed connection; reads go to the other side's buffer. */
  private final class End {
    final SocketChannel channel;
    final Pipe pipe;
    final ByteBuffer outgoing = ByteBuffer.allocate(BUFFER);
    End peer;
    SelectionKey key;

    End(SocketChannel channel, Pipe pipe) {
      this.channel = channel;
      this.pipe = pipe;
    }

    void read() throws IOException {
      int n = channel.read(peer.outgoing);
      if (n < 0) {
        pipe.close();
        return;
      }
      peer.flush();
    }

    void flush() throws IOException {
      outgoing.flip();
      channel.write(outgoing);
      outgoing.compact();
      boolean pending = outgoing.position() > 0;
      key.interestOps(
          (pending ? SelectionKey.OP_WRITE : 0)
              | (peer.outgoing.hasRemaining() ? SelectionKey.OP_READ : 0));
      // The peer may read again once this side has room.
      peer.key.interestOps(
          (peer.key.interestOps() & SelectionKey.OP_WRITE)
              | (outgoing.hasRemaining() ? SelectionKey.OP_READ : 0));
    }
  }

  /** A client connection and its upstream connection to nats-server. */
  private final class Pipe {
    final End client;
    final End server;
    boolean closed;

    Pipe(SocketChannel clientChannel, SocketChannel serverChannel) {
      this.client = new End(clientChannel, this);
      this.server = new End(serverChannel, this);
      client.peer = server;
      server.peer = client;
    }

    void connected() throws IOException {
      server.channel.finishConnect();
      if (server.key == null) {
        server.key = server.channel.register(selector, SelectionKey.OP_READ, server);
      } else {
        server.key.interestOps(SelectionKey.OP_READ);
      }
      client.key = client.channel.register(selector, SelectionKey.OP_READ, client);
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      pipes.remove(this);
      try {
        client.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
      try {
        server.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
