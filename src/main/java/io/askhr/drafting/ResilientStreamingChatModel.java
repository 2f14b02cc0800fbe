package io.askhr.drafting;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streaming chat model behind the same circuit breaker and bulkhead as {@link ResilientChatModel}, with an idle
 * timeout: a stream that sends nothing for {@code idle} fails (and counts against the breaker). Streams are not
 * retried: by the time one fails, sentences may already be on the employee's screen.
 */
final class ResilientStreamingChatModel implements StreamingChatModel {

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "askhr-llm-stream-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  private final StreamingChatModel model;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Duration idle;

  ResilientStreamingChatModel(StreamingChatModel model, CircuitBreaker breaker, Bulkhead bulkhead, Duration idle) {
    this.model = model;
    this.breaker = breaker;
    this.bulkhead = bulkhead;
    this.idle = idle;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    bulkhead.acquirePermission();
    if (!breaker.tryAcquirePermission()) {
      bulkhead.onComplete();
      handler.onError(io.github.resilience4j.circuitbreaker.CallNotPermittedException
          .createCallNotPermittedException(breaker));
      return;
    }
    Guarded guarded = new Guarded(handler, System.nanoTime());
    guarded.watch();
    try {
      model.chat(request, guarded);
    } catch (RuntimeException e) {
      guarded.onError(e);
    }
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return model.defaultRequestParameters();
  }

  /** Forwards one stream's events until it ends, fails or goes quiet; reports the outcome exactly once. */
  private final class Guarded implements StreamingChatResponseHandler {

    private final StreamingChatResponseHandler handler;
    private final long start;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile StreamingHandle handle;
    private volatile ScheduledFuture<?> timer;

    Guarded(StreamingChatResponseHandler handler, long start) {
      this.handler = handler;
      this.start = start;
    }

    void watch() {
      ScheduledFuture<?> previous = timer;
      if (previous != null) {
        previous.cancel(false);
      }
      timer = WATCHDOG.schedule(() -> {
        if (handle != null) {
          handle.cancel();
        }
        onError(new TimeoutException("no token from the model within " + idle.toMillis() + " ms"));
      }, idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      handle = context.streamingHandle();
      onPartialResponse(partial.text());
    }

    @Override
    public void onPartialResponse(String token) {
      if (!done.get()) {
        watch();
        handler.onPartialResponse(token);
      }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      if (finish()) {
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        handler.onCompleteResponse(response);
      }
    }

    @Override
    public void onError(Throwable error) {
      if (finish()) {
        if (ResilientChatModel.isModelFault(error)) {
          breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error);
        } else {
          breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        handler.onError(error);
      }
    }

    private boolean finish() {
      if (!done.compareAndSet(false, true)) {
        return false;
      }
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
      bulkhead.onComplete();
      return true;
    }
  }
}
