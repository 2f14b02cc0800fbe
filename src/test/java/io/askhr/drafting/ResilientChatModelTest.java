package io.askhr.drafting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.askhr.testing.LoopbackChatServer;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults injected by a real OpenAI-protocol server on loopback: rate limits, errors, timeouts, overload. */
class ResilientChatModelTest {

  final LoopbackChatServer server;
  {
    try {
      server = new LoopbackChatServer().replyWith("Four weeks [1].");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ResilientChatModel model(Duration timeout, int concurrent, Duration openFor) {
    ChatModel openAi = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
        .timeout(timeout).maxRetries(0).httpClientBuilder(ResilientChatModel.httpClientBuilder()).build();
    return new ResilientChatModel(openAi, concurrent, Duration.ofMillis(100), ResilientChatModel.breakerConfig(
        openFor));
  }

  /** LangChain4j wraps the HTTP failure in a typed exception (RateLimitException, ...); the status is in the chain. */
  static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        return http.statusCode();
      }
    }
    return -1;
  }

  ResilientChatModel model() {
    return model(Duration.ofSeconds(5), 4, Duration.ofSeconds(30));
  }

  @Test
  void shouldRetryOnceAfterA429HonouringRetryAfter() {
    // given
    server.thenFail(429, "1");
    long start = System.nanoTime();

    // when
    String answer = model().chat("How much notice?");

    // then
    assertEquals("Four weeks [1].", answer);
    assertEquals(2, server.requests().size());
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos(), "waited for Retry-After");
  }

  @Test
  void shouldNotWaitForALongRetryAfterButFailAtOnce() {
    // given
    server.thenFail(429, "120");

    // when
    RuntimeException e = assertThrows(RuntimeException.class, () -> model().chat("How much notice?"));

    // then
    assertEquals(429, status(e));
    assertEquals(1, server.requests().size());
  }

  @Test
  void shouldRetryA5xxOnceThenGiveUp() {
    // given
    server.thenFail(503, null).thenFail(502, null);

    // when
    RuntimeException e = assertThrows(RuntimeException.class, () -> model().chat("How much notice?"));

    // then
    assertEquals(502, status(e));
    assertEquals(2, server.requests().size());
  }

  @Test
  void shouldNotRetryABadApiKey() {
    // given
    server.thenFail(401, null);

    // when
    RuntimeException e = assertThrows(RuntimeException.class, () -> model().chat("How much notice?"));

    // then
    assertEquals(401, status(e));
    assertEquals(1, server.requests().size());
  }

  @Test
  void shouldGiveUpOnASlowModelAfterTheReadTimeout() {
    // given
    server.delay(Duration.ofSeconds(3));
    ResilientChatModel model = model(Duration.ofMillis(300), 4, Duration.ofSeconds(30));

    // when
    RuntimeException e = assertThrows(RuntimeException.class, () -> model.chat("How much notice?"));

    // then both attempts ended at the read timeout (waiting the 3 s out would have returned the answer)
    assertTrue(timedOut(e), () -> "not a timeout: " + e);
    assertEquals(2, server.requests().size());
  }

  static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldOpenTheBreakerAfterRepeatedFailuresAndCloseItWhenTheModelRecovers() throws Exception {
    // given a model that fails every call
    server.status(500);
    ResilientChatModel model = model(Duration.ofSeconds(5), 4, Duration.ofMillis(300));
    for (int i = 0; i < 2; i++) {
      assertEquals(500, status(assertThrows(RuntimeException.class, () -> model.chat("q"))));
    }
    int calls = server.requests().size();

    // when
    assertThrows(CallNotPermittedException.class, () -> model.chat("q"));

    // then the open breaker did not call the model
    assertEquals(CircuitBreaker.State.OPEN, model.state());
    assertEquals(calls, server.requests().size());

    // when the model recovers and the breaker's wait is over
    server.status(200);
    String answer = await("a trial call let through").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .ignoreException(CallNotPermittedException.class).until(() -> model.chat("q"), a -> true);

    // then one trial call closes it
    assertEquals("Four weeks [1].", answer);
    assertEquals(CircuitBreaker.State.CLOSED, model.state());
    assertEquals(calls + 1, server.requests().size());
  }

  @Test
  void shouldBoundConcurrentModelCalls() {
    // given one slot and a slow model
    server.delay(Duration.ofMillis(800));
    ResilientChatModel model = model(Duration.ofSeconds(5), 1, Duration.ofSeconds(30));

    // when
    List<CompletableFuture<String>> calls = List.of(
        CompletableFuture.supplyAsync(() -> model.chat("a")),
        CompletableFuture.supplyAsync(() -> model.chat("b")));

    // then one waits 100 ms for the slot, gives up, and fails with a bulkhead error
    long failed = calls.stream().filter(f -> {
      try {
        f.join();
        return false;
      } catch (RuntimeException e) {
        return e.getCause() instanceof BulkheadFullException;
      }
    }).count();
    assertEquals(1, failed);
    assertEquals(1, server.requests().size());
  }
}
