package io.askhr.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** {@code askhr serve} in its own JVM, as operators run it: its own environment, a free port, logs in a file. */
public final class ServeProcess implements AutoCloseable {

  static final Duration STARTUP_PATIENCE = Duration.ofMinutes(3);

  private final Process process;
  private final Path log;
  private final int port;

  private ServeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code serve} on a free loopback port with exactly {@code env}, and waits until it is healthy. */
  public static ServeProcess start(Map<String, String> env, Path knowledge, Path workDir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(workDir);
    Path log = workDir.resolve("serve.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        // The container's JAVA_OPTS (deploy/Dockerfile), so that timings are the product's.
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "io.askhr.AskHr", "serve",
        "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--knowledge", knowledge.toString(), "--index", workDir.resolve("index").toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().putIfAbsent("DATA_DIR", workDir.resolve("data").toString());
    builder.environment().putIfAbsent("HOME", workDir.toString());
    ServeProcess serve = new ServeProcess(builder.start(), log, port);
    serve.awaitHealthy();
    return serve;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Everything the process logged so far. */
  public String logs() throws IOException {
    return Files.readString(log);
  }

  public Process process() {
    return process;
  }

  /**
   * Waits for /healthz. Patience, not a speed target: a JVM that indexes and migrates at start-up can take minutes on
   * a machine shared by several builds.
   */
  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try {
      await().atMost(STARTUP_PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + logs());
            }
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
          });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("serve did not become healthy within " + STARTUP_PATIENCE.toSeconds() + " s:\n"
          + logs(), e);
    }
  }

  /** Sends SIGTERM and waits for the process to exit; returns its exit status. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
