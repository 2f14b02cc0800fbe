package io.askhr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.Reply;
import io.askhr.question.RequestId;
import io.askhr.testing.HttpProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the server stops new requests at once and lets a request in flight finish. */
class GracefulStopTest {

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldDeliverAnAnswerInFlightWhileRefusingNewConnections() throws Exception {
    // given a server whose handler is busy with one question
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebServer server = new WebServer(question -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Reply("Twenty-five days.", List.of(), 0.8, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    }, () -> true);
    String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(ask(base), HttpResponse.BodyHandlers.ofString());
    assertTrue(entered.await(30, TimeUnit.SECONDS));

    // when shutdown starts
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    HttpProbe.awaitRefused(base);
    assertFalse(closing.isDone(), "close waits for the request in flight");
    release.countDown();

    // then the answer in flight is still delivered, and close returns
    HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("Twenty-five days."), response.body());
    closing.get(30, TimeUnit.SECONDS);
    assertThrows(IOException.class, () -> http.send(ask(base), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void shouldTagEveryResponseWithARequestIdAndKeepASafeOneFromTheCaller() throws Exception {
    // given
    List<Optional<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (WebServer server = new WebServer(question -> {
      seen.add(RequestId.current());
      return new Reply("ok", List.of(), 0.5, Set.of(), Reply.Mode.EXTRACTIVE, List.of());
    }, () -> true)) {
      String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);

      // when
      HttpResponse<String> fresh = http.send(ask(base), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> kept = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
          .header("X-Request-Id", "edge-1234abcd").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"q\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> replaced = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
          .header("X-Request-Id", "bad id; DROP").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"q\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());

      // then the id the handler logged under is the one the response names
      String freshId = fresh.headers().firstValue("X-Request-Id").orElseThrow();
      assertEquals(Optional.of(freshId), seen.get(0));
      assertEquals("edge-1234abcd", kept.headers().firstValue("X-Request-Id").orElseThrow());
      assertEquals(Optional.of("edge-1234abcd"), seen.get(1));
      String replacedId = replaced.headers().firstValue("X-Request-Id").orElseThrow();
      assertFalse(replacedId.contains(" "), replacedId);
      assertEquals(Optional.of(replacedId), seen.get(2));
    }
  }

  private static HttpRequest ask(String base) {
    return HttpRequest.newBuilder(URI.create(base + "/api/ask")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"How many days of leave?\"}")).build();
  }

}
