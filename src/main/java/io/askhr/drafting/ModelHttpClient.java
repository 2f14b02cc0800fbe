package io.askhr.drafting;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's HTTP client for the model, on the JDK client, that keeps what LangChain4j's own drops: the
 * {@code Retry-After} header of a 429 or 5xx, so that {@link ResilientChatModel} can honour it.
 */
final class ModelHttpClient implements HttpClient {

  /** A refused model call, with the wait the server asked for. */
  static final class RefusedException extends HttpException {

    private final transient Optional<Duration> retryAfter;

    RefusedException(int statusCode, Optional<Duration> retryAfter) {
      // The body may echo the prompt, so only the status travels.
      super(statusCode, "model endpoint answered HTTP " + statusCode);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return retryAfter;
    }
  }

  private final java.net.http.HttpClient client;
  private final Duration readTimeout;
  private final HttpClient streaming;

  private ModelHttpClient(Duration connectTimeout, Duration readTimeout) {
    this.client = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
    this.streaming = new JdkHttpClientBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(readTimeout)
        .method(request.method().name(), request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
    HttpResponse<String> response;
    try {
      response = client.send(jdk.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new ModelUnreachableException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelUnreachableException(e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new RefusedException(response.statusCode(),
          response.headers().firstValue("Retry-After").flatMap(ModelHttpClient::retryAfter));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    streaming.execute(request, parser, listener);
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date. */
  static Optional<Duration> retryAfter(String value) {
    String v = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** A model endpoint that could not be reached at all (refused connection, reset, DNS). */
  static final class ModelUnreachableException extends RuntimeException {
    ModelUnreachableException(Throwable cause) {
      super(cause.getClass().getSimpleName(), cause);
    }
  }

  /** Builds the client with the timeouts LangChain4j's model builder sets. */
  static final class Builder implements HttpClientBuilder {

    /** A model that does not accept a connection within seconds is down; waiting longer only delays the fallback. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Duration connectTimeout = MAX_CONNECT_TIMEOUT;
    private Duration readTimeout = Duration.ofSeconds(20);

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      if (timeout != null) {
        this.connectTimeout = timeout.compareTo(MAX_CONNECT_TIMEOUT) > 0 ? MAX_CONNECT_TIMEOUT : timeout;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      if (timeout != null) {
        this.readTimeout = timeout;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new ModelHttpClient(connectTimeout, readTimeout);
    }
  }
}
