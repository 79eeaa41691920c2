package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A page of the newest {@code page} messages of one dialogue while the stream holds {@code
 * messages} across {@code dialogues}. Gaimace: {@code GaimaceClient.history(dialogue, null, 50)} —
 * API request, membership check, last message of the subject, history index lookup, a short-lived
 * ordered consumer from the indexed sequence, JSON decode and re-encode of the page. Raw: the same
 * messages read by their (known) sequences with JetStream direct get, one after another and all at
 * once.
 *
 * <p>Reads go to {@code readDialogues} rooms the reader belongs to, picked at random; every page is
 * checked (50 messages, the right ones, in order). All dialogues are read once through each path
 * before measuring, and the order of the paths alternates, so neither profits from the other's
 * cache.
 */
public final class HistoryBench implements Benchmark {
  private static final int STRIDE = 64;

  /**
   * @param messages total messages in the stream
   * @param dialogues dialogues they are spread over (round-robin)
   * @param readDialogues how many of them the reader reads (rooms it is a member of)
   * @param reads measured page reads per path
   * @param page messages per page
   * @param fillWindow asynchronous publishes in flight while filling
   */
  public record Params(
      int messages,
      int dialogues,
      int readDialogues,
      int reads,
      int page,
      int contentBytes,
      int fillWindow) {
    public static Params full() {
      return new Params(1_000_000, 10_000, 100, 1000, 50, 100, 4096);
    }

    public static Params smoke() {
      return new Params(4_000, 20, 5, 20, 50, 100, 512);
    }

    int perDialogue() {
      return messages / dialogues;
    }
  }

  private final Params p;

  public HistoryBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "history";
  }

  @Override
  public Report run() throws Exception {
    if (p.perDialogue() < p.page()) {
      throw new IllegalArgumentException("each dialogue needs at least a page of messages");
    }
    Report report = new Report(name());
    Histogram gaimace = Latencies.histogram();
    Histogram rawSequential = Latencies.histogram();
    Histogram rawParallel = Latencies.histogram();
    Histogram rawConsumer = Latencies.histogram();
    double fillSeconds;
    long streamMessages;
    try (BenchEnv env = BenchEnv.start(Duration.ofSeconds(15));
        Connection chat = env.rawConnection()) {
      String token = env.admin().createUsers(List.of("reader")).get(0);
      try (Connection reader = env.userConnection("reader", token)) {
        List<CompletableFuture<?>> rooms = new ArrayList<>();
        for (int d = 0; d < p.readDialogues(); d++) {
          rooms.add(Admin.createRoom(reader, HistoryFill.roomId(d), List.of()));
        }
        rooms.forEach(CompletableFuture::join);
      }
      HistoryFill fill =
          new HistoryFill(p.dialogues(), p.perDialogue(), p.contentBytes(), p.fillWindow());
      long t0 = System.nanoTime();
      fill.run(chat);
      fillSeconds = Latencies.seconds(System.nanoTime() - t0);
      JetStreamManagement jsm = chat.jetStreamManagement();
      streamMessages = jsm.getStreamInfo(StoreSetup.MESSAGES).getStreamState().getMsgCount();
      try (GaimaceClient client =
          Gaimace.connect(
              ClientOptions.builder(token)
                  .server(env.url())
                  .requestTimeout(Duration.ofSeconds(30))
                  .build())) {
        Reader r = new Reader(client, chat, jsm, fill);
        for (int d = 0; d < p.readDialogues(); d++) {
          r.gaimace(d);
          r.sequential(d);
          r.parallel(d);
          r.consumer(d);
        }
        Random random = new Random(42);
        for (int i = 0; i < p.reads(); i++) {
          int d = random.nextInt(p.readDialogues());
          if (i % 2 == 0) {
            Latencies.record(gaimace, r.gaimace(d));
            Latencies.record(rawConsumer, r.consumer(d));
            Latencies.record(rawSequential, r.sequential(d));
            Latencies.record(rawParallel, r.parallel(d));
          } else {
            Latencies.record(rawParallel, r.parallel(d));
            Latencies.record(rawSequential, r.sequential(d));
            Latencies.record(rawConsumer, r.consumer(d));
            Latencies.record(gaimace, r.gaimace(d));
          }
        }
      }
    }
    for (double pct : new double[] {50, 99}) {
      String n = LatencyBench.trim(pct);
      report.add(
          "page of " + p.page() + " p" + n + " (raw: direct gets in parallel)",
          "ms",
          Latencies.ms(gaimace, pct),
          Latencies.ms(rawParallel, pct));
      report.add(
          "page of " + p.page() + " p" + n + " (raw: direct gets one by one)",
          "ms",
          Latencies.ms(gaimace, pct),
          Latencies.ms(rawSequential, pct));
      report.add(
          "page of " + p.page() + " p" + n + " (raw: ordered consumer as Gaimace reads)",
          "ms",
          Latencies.ms(gaimace, pct),
          Latencies.ms(rawConsumer, pct));
    }
    report.add(
        "pages read and verified", "pages", gaimace.getTotalCount(), rawParallel.getTotalCount());
    report.note(
        "stream holds %,d messages in %,d dialogues (%d each, round-robin); filled directly in"
            + " Gaimace's format in %.1f s (%,.0f msg/s, with index); %d reads over %d dialogues",
        streamMessages,
        p.dialogues(),
        p.perDialogue(),
        fillSeconds,
        p.messages() / fillSeconds,
        p.reads(),
        p.readDialogues());
    return report;
  }

  /** Reads the newest page of a dialogue through each path, checking it; returns nanoseconds. */
  private final class Reader {
    final GaimaceClient client;
    final Connection chat;
    final JetStreamManagement jsm;
    final HistoryFill fill;

    Reader(GaimaceClient client, Connection chat, JetStreamManagement jsm, HistoryFill fill) {
      this.client = client;
      this.chat = chat;
      this.jsm = jsm;
      this.fill = fill;
    }

    int firstPos() {
      return p.perDialogue() - p.page() + 1;
    }

    long gaimace(int d) throws Exception {
      long t = System.nanoTime();
      HistoryPage page =
          client.history(HistoryFill.roomId(d), null, p.page()).get(30, TimeUnit.SECONDS);
      long took = System.nanoTime() - t;
      List<ChatMessage> got = page.messages();
      check(got.size() == p.page(), "Gaimace page of " + got.size());
      for (int i = 0; i < got.size(); i++) {
        ChatMessage m = got.get(i);
        int pos = firstPos() + i;
        check(
            Payloads.index(m.content()) == fill.index(d, pos) && m.seq() == fill.seqs[d][pos - 1],
            "Gaimace page has the wrong message at " + pos);
      }
      return took;
    }

    long sequential(int d) throws Exception {
      long t = System.nanoTime();
      List<MessageInfo> got = new ArrayList<>(p.page());
      for (int pos = firstPos(); pos <= p.perDialogue(); pos++) {
        got.add(jsm.getMessage(StoreSetup.MESSAGES, fill.seqs[d][pos - 1]));
      }
      long took = System.nanoTime() - t;
      for (int i = 0; i < got.size(); i++) {
        check(got.get(i).getSeq() == fill.seqs[d][firstPos() + i - 1], "raw get, wrong message");
      }
      return took;
    }

    long parallel(int d) throws Exception {
      long t = System.nanoTime();
      List<CompletableFuture<Message>> got = new ArrayList<>(p.page());
      for (int pos = firstPos(); pos <= p.perDialogue(); pos++) {
        byte[] body =
            ("{\"seq\":" + fill.seqs[d][pos - 1] + "}").getBytes(StandardCharsets.US_ASCII);
        got.add(
            chat.requestWithTimeout(
                "$JS.API.DIRECT.GET." + StoreSetup.MESSAGES, body, Duration.ofSeconds(10)));
      }
      List<Message> replies = new ArrayList<>(got.size());
      for (CompletableFuture<Message> f : got) {
        replies.add(f.get(10, TimeUnit.SECONDS));
      }
      long took = System.nanoTime() - t;
      for (int i = 0; i < replies.size(); i++) {
        Message m = replies.get(i);
        String seq = m.getHeaders() == null ? null : m.getHeaders().getFirst("Nats-Sequence");
        check(
            !m.isStatusMessage()
                && seq != null
                && Long.parseLong(seq) == fill.seqs[d][firstPos() + i - 1],
            "raw direct get, wrong message");
      }
      return took;
    }

    /**
     * Gaimace's JetStream work alone: an ordered consumer filtered on the dialogue from the
     * sequence its history index gives (the message at the last multiple of 64 positions at or
     * before the page's first, else sequence 1), keeping the newest page.
     */
    long consumer(int d) throws Exception {
      int bucket = firstPos() / STRIDE;
      long start = bucket > 0 ? fill.seqs[d][bucket * STRIDE - 1] : 1;
      long last = fill.seqs[d][p.perDialogue() - 1];
      long t = System.nanoTime();
      java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
      JetStreamSubscription sub =
          chat.jetStream()
              .subscribe(
                  StoreSetup.STORE_PREFIX + "chat.room." + HistoryFill.roomId(d),
                  PushSubscribeOptions.builder().stream(StoreSetup.MESSAGES)
                      .ordered(true)
                      .configuration(
                          ConsumerConfiguration.builder()
                              .deliverPolicy(DeliverPolicy.ByStartSequence)
                              .startSequence(start)
                              .build())
                      .build());
      try {
        while (true) {
          Message m = sub.nextMessage(Duration.ofSeconds(10));
          check(m != null, "raw consumer ran dry");
          long seq = m.metaData().streamSequence();
          window.addLast(seq);
          if (window.size() > p.page()) {
            window.removeFirst();
          }
          if (seq >= last) {
            break;
          }
        }
      } finally {
        sub.unsubscribe();
      }
      long took = System.nanoTime() - t;
      check(
          window.size() == p.page() && window.peekFirst() == fill.seqs[d][firstPos() - 1],
          "raw consumer, wrong page");
      return took;
    }

    private void check(boolean ok, String what) {
      if (!ok) {
        throw new IllegalStateException(what);
      }
    }
  }
}
