package io.askhr.question;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id on every log line of one answer ({@code request_id} in the logging context). The HTTP server sets
 * it per request; adapters that answer on their own threads carry it over with {@link #carry(Runnable)}.
 */
public final class RequestId {

  /** The logging context key; JSON logs show it under {@code mdc.request_id}. */
  public static final String MDC_KEY = "request_id";
  /** An id from outside (a proxy's X-Request-Id) is kept only when it is short and harmless in a log line. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private RequestId() {}

  /** The caller's id when it looks like one, else a new one. */
  public static String accept(String offered) {
    return offered != null && SAFE.matcher(offered).matches() ? offered : fresh();
  }

  /** A new random id. */
  public static String fresh() {
    return UUID.randomUUID().toString();
  }

  /** The id of the current thread's request, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY));
  }

  /**
   * {@code task}, to run on another thread under the current request id (or a new one when there is none), which
   * is removed again afterwards.
   */
  public static Runnable carry(Runnable task) {
    String id = current().orElseGet(RequestId::fresh);
    return () -> {
      MDC.put(MDC_KEY, id);
      try {
        task.run();
      } finally {
        MDC.remove(MDC_KEY);
      }
    };
  }
}
