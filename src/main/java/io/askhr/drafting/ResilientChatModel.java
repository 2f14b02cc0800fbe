package io.askhr.drafting;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model that fails fast and politely: one retry on 429 and 5xx (after the server's {@code Retry-After}, if
 * short), a circuit breaker that stops calling a model that keeps failing, and a bulkhead that bounds concurrent
 * calls. Every failure surfaces as an exception, which the answer flow turns into the labelled extractive answer.
 */
public final class ResilientChatModel implements ChatModel {

  private static final Logger log = LoggerFactory.getLogger(ResilientChatModel.class);
  /** A server asking for a longer pause is better answered extractively now than after a long wait. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
  static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

  private final ChatModel model;
  private final Supplier<CircuitBreaker.State> state;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;

  /**
   * @param concurrent model calls at once; more wait up to {@code maxWait}, then fail (and fall back)
   * @param breaker when to stop calling the model; see {@link #breakerConfig}
   */
  public ResilientChatModel(ChatModel model, int concurrent, Duration maxWait, CircuitBreakerConfig breaker) {
    this.model = model;
    this.breaker = CircuitBreaker.of("llm", breaker);
    this.state = this.breaker::getState;
    this.retry = Retry.of("llm", RetryConfig.custom()
        .maxAttempts(2)
        .retryOnException(ResilientChatModel::worthRetrying)
        .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> (outcome.isLeft()
            ? retryAfter(outcome.getLeft()) : Optional.<Duration>empty()).orElse(DEFAULT_BACKOFF).toMillis())
        .build());
    this.bulkhead = Bulkhead.of("llm", BulkheadConfig.custom().maxConcurrentCalls(concurrent)
        .maxWaitDuration(maxWait).build());
    this.breaker.getEventPublisher().onStateTransition(e -> log.warn("LLM circuit breaker: {}",
        e.getStateTransition()));
  }

  /**
   * Opens after half of the last 10 calls (at least 4) failed; after {@code openFor} one trial call decides whether
   * to close again.
   */
  public static CircuitBreakerConfig breakerConfig(Duration openFor) {
    return CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(ResilientChatModel::isModelFault)
        .build();
  }

  /** The HTTP client to build the underlying LangChain4j model with, so that {@code Retry-After} is kept. */
  public static HttpClientBuilder httpClientBuilder() {
    return new ModelHttpClient.Builder();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    Supplier<ChatResponse> call = () -> model.chat(request);
    return Bulkhead.decorateSupplier(bulkhead,
        Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call))).get();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }

  /**
   * A streaming model behind this model's breaker and bulkhead (one endpoint, one view of its health), failing a
   * stream that stays quiet for {@code idle}.
   */
  public StreamingChatModel streaming(StreamingChatModel streaming, Duration idle) {
    return new ResilientStreamingChatModel(streaming, breaker, bulkhead, idle);
  }

  /** The breaker's state, for health and metrics. */
  public CircuitBreaker.State state() {
    return state.get();
  }

  /** 429 and 5xx with a short or no Retry-After, timeouts and unreachable servers: another try may work. */
  static boolean worthRetrying(Throwable e) {
    if (e instanceof CallNotPermittedException) {
      return false;
    }
    Optional<HttpException> http = http(e);
    if (http.isPresent()) {
      int status = http.get().statusCode();
      boolean transientStatus = status == 429 || status >= 500;
      return transientStatus && retryAfter(e).map(d -> d.compareTo(MAX_RETRY_AFTER) <= 0).orElse(true);
    }
    return true;
  }

  /** Client errors other than 429 (a bad key, a bad request) are our fault or config, not the model being down. */
  static boolean isModelFault(Throwable e) {
    return http(e).map(h -> h.statusCode() == 429 || h.statusCode() >= 500).orElse(true);
  }

  private static Optional<Duration> retryAfter(Throwable e) {
    return Causes.find(e, ModelHttpClient.RefusedException.class).flatMap(ModelHttpClient.RefusedException::retryAfter);
  }

  private static Optional<HttpException> http(Throwable e) {
    return Causes.find(e, HttpException.class);
  }
}
