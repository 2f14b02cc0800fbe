package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.Settings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image Jib wrote to {@code target/askhr-image.tar} (profile {@code image}, run by Failsafe after {@code package}):
 * its config and its files, read from the tarball as {@code docker load} would. Jib cannot set a Docker HEALTHCHECK, so
 * the health check of this image is the Kubernetes probes on {@code /healthz} and {@code /readyz} (DeployFilesTest).
 */
class ContainerImageIT {

  static final Path IMAGE = Path.of("target/askhr-image.tar");
  static final ObjectMapper json = new ObjectMapper();

  static JsonNode config;
  /** Every file and folder of every layer, by path without the leading slash. */
  static final Map<String, TarArchiveEntry> files = new HashMap<>();

  @BeforeAll
  static void readTheImage() throws IOException {
    assertTrue(Files.isRegularFile(IMAGE), IMAGE + " is missing: build it with ASKHR_IMAGE_BASE set");
    Map<String, byte[]> entries = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(IMAGE))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith(".json")) {
          entries.put(e.getName(), tar.readAllBytes());
        } else if (e.isFile()) {
          readLayer(tar);
        }
      }
    }
    JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
    assertEquals("askhr:0.1.0-SNAPSHOT", manifest.path("RepoTags").get(0).asText());
    config = json.readTree(entries.get(manifest.path("Config").asText()));
  }

  private static void readLayer(InputStream layerBytes) throws IOException {
    InputStream in = new BufferedInputStream(layerBytes);
    // Jib's layers are gzip-compressed tarballs; a base from deploy/jib-base.sh may be plain.
    TarArchiveInputStream layer = new TarArchiveInputStream(isGzip(in) ? new GZIPInputStream(in) : in);
    for (TarArchiveEntry e = layer.getNextEntry(); e != null; e = layer.getNextEntry()) {
      files.put(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", ""), e);
    }
  }

  private static boolean isGzip(InputStream in) throws IOException {
    byte[] head = new byte[2];
    in.mark(2);
    int read = in.readNBytes(head, 0, 2);
    in.reset();
    return read == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  private static JsonNode container() {
    return config.path("config");
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    container().path("Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
    return env;
  }

  @Test
  void shouldRunAsTheNonRootUserOfTheKubernetesDeployment() {
    assertEquals("10001:10001", container().path("User").asText());
    assertFalse(container().path("User").asText().startsWith("0"), "not root");
  }

  @Test
  void shouldExposeTheServersPortAndConfigureItThroughTheEnvironment() {
    Settings defaults = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty());
    assertTrue(container().path("ExposedPorts").has(defaults.port() + "/tcp"), container().toString());
    assertEquals(String.valueOf(defaults.port()), env().get("PORT"));
    assertEquals("/knowledge", env().get("KNOWLEDGE_DIR"));
    assertEquals("/data", env().get("DATA_DIR"));
    assertTrue(env().containsKey("JAVA_OPTS"));
  }

  @Test
  void shouldStartServeWithJavaAsProcessOneFromTheShadedJar() throws IOException {
    List<?> entrypoint = json.convertValue(container().path("Entrypoint"), List.class);
    assertEquals(List.of("sh", "-c", "exec java $JAVA_OPTS -jar /app/askhr.jar \"$@\"", "askhr"), entrypoint);
    assertEquals(List.of("serve"), json.convertValue(container().path("Cmd"), List.class));
    assertEquals("/app", container().path("WorkingDir").asText());

    // and what it runs is in the image: a shell, java, the jar as built, the audiences file
    assertTrue(files.containsKey("usr/bin/sh") || files.containsKey("bin/sh"), "a shell");
    assertTrue(files.containsKey("usr/bin/java"), "java on the PATH");
    assertTrue(files.containsKey("etc/ssl/certs/java/cacerts"), "CA certificates for Slack, Teams and the LLM");
    assertEquals(Files.size(Path.of("target/askhr.jar")), files.get("app/askhr.jar").getSize());
    assertTrue(files.containsKey("app/bot/audiences.yml"));
    assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("app/libs/")), "no second copy of the jars");
  }

  @Test
  void shouldKeepDataInAVolumeTheServerMayWriteAndShipTheSamplePolicies() throws IOException {
    assertTrue(container().path("Volumes").has("/data"), container().toString());
    TarArchiveEntry data = files.get("data");
    assertTrue(data != null && data.isDirectory(), "/data is in the image");
    assertTrue(data.getLongUserId() == 10001 || (data.getMode() & 0002) != 0,
        "/data is writable by the server's user, mode " + Integer.toOctalString(data.getMode()));
    // The sample policies sit at KNOWLEDGE_DIR; HR's real folder is mounted over /knowledge (docs/deploying.md).
    try (var sample = Files.list(Path.of("knowledge"))) {
      sample.filter(Files::isRegularFile).forEach(f -> assertTrue(files.containsKey("knowledge/" + f.getFileName()),
          f + " is not in /knowledge"));
    }
  }

  @Test
  void shouldBeCheckedForHealthByTheProbesOfTheDeploymentSinceJibSetsNoHealthcheck() throws IOException {
    assertTrue(container().path("Healthcheck").isMissingNode(), "Jib cannot set one; if it could, test it here");
    String deployment = Files.readString(Path.of("deploy/k8s/base/deployment.yaml"));
    assertTrue(deployment.contains("livenessProbe:\n            httpGet: {path: " + WebServer.HEALTH_PATH), deployment);
    assertTrue(deployment.contains("readinessProbe:\n            httpGet: {path: " + WebServer.READY_PATH), deployment);
  }
}
