package io.askhr.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.askhr.adapter.web.WebServer;
import io.askhr.config.AudienceMap;
import io.askhr.config.SlackSettings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.testing.SlackRequests;
import io.askhr.testing.SlackStandIn;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast {@code POST /slack/events} acknowledges: 200 signed events, 20 at a time, while answers (each
 * taking 300 ms of "model time") are drafted in the background. Run with
 * {@code mvn -B -ntp test -Pbench -Dtest=SlackAckBenchmark}; figures go to stdout and the surefire report.
 */
class SlackAckBenchmark {

  static final int EVENTS = 200;
  static final int CONCURRENCY = 20;

  @Test
  void printAckLatency() throws Exception {
    try (SlackStandIn slack = new SlackStandIn()) {
      SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-bench", Optional.of(SlackRequests.SIGNING_SECRET),
          Optional.empty(), Optional.of(slack.apiUrl()), Optional.empty()), question -> {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return SlackEventsApiTest.answer("Full-time staff get 25 days of leave [1].");
          }, new MemoryInsightStore(), new MemoryInsightStore(), AudienceMap.none(), "Brightwater Systems", "HR");
      WebServer server = new WebServer(q -> null, () -> true, List.of(adapter.webhook().orElseThrow()));
      SlackRequests requests = new SlackRequests("http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/slack/events");
      try {
        // warm-up: JIT, Bolt's auth.test cache, connection pools
        for (int i = 0; i < 20; i++) {
          requests.json(SlackRequests.event("EvWarm" + i, SlackRequests.mention("U0EMP", "C0GENERAL",
              "1600000000." + i, "<@U0ASKHR> warm up " + i)));
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          int n = i;
          statuses.add(senders.submit(() -> {
            String body = SlackRequests.event("EvBench" + n, SlackRequests.mention("U0EMP", "C0GENERAL",
                "1700000000." + n, "<@U0ASKHR> how many days of leave? " + n));
            long start = System.nanoTime();
            HttpResponse<String> ack = requests.json(body);
            micros.add((System.nanoTime() - start) / 1000);
            return ack.statusCode();
          }));
        }
        for (Future<Integer> status : statuses) {
          assertEquals(200, status.get());
        }
        senders.shutdown();
        slack.awaitCount("chat.update", EVENTS + 20);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("Slack ack latency over %d signed events, %d concurrent: p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; all %d answered%n", EVENTS, CONCURRENCY, sorted.get(EVENTS / 2) / 1000.0,
            sorted.get(EVENTS * 99 / 100 - 1) / 1000.0, sorted.get(EVENTS - 1) / 1000.0, EVENTS);
      } finally {
        server.close();
        adapter.close();
      }
    }
  }
}
