package io.gaimace.bench;

/** Named daemon threads for senders and pacers. */
final class Threads {
  private Threads() {}

  static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
