package io.askhr.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Watches a server on loopback from the outside, as a load balancer would. */
public final class HttpProbe {

  private HttpProbe() {}

  /** Polls {@code /healthz} on new connections until one is refused: a stopping server closes its listener first. */
  public static void awaitRefused(String baseUrl) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpClient fresh = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      try {
        fresh.send(HttpRequest.newBuilder(URI.create(baseUrl + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(baseUrl + " still accepted new connections 30 s after stopping began");
  }
}
