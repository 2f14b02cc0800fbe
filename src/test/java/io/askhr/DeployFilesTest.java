package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.adapter.web.HrDashboard;
import io.askhr.adapter.web.WebServer;
import io.askhr.adapter.web.Webhook;
import io.askhr.config.Settings;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.question.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every file under {@code deploy/} parses and names only what AskHR really has: its port, the paths the real server
 * answers (probes, webhooks, dashboard) and the environment variables its settings read. Built Kustomize output is
 * checked when {@code kubectl} is on the PATH.
 */
class DeployFilesTest {

  static final Path DEPLOY = Path.of("deploy");
  /** Read by the image's entrypoint, not by AskHR. */
  static final Set<String> JVM_VARIABLES = Set.of("JAVA_OPTS");

  static Settings defaults;
  static Set<String> known;
  static ChatAdapters chats;
  static WebServer server;
  static int port;
  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path temp;

  @BeforeAll
  static void startTheRealServer() {
    defaults = Settings.fromEnvironment(Map.of(), Optional.empty(), Optional.empty());
    known = new TreeSet<>(defaults.describe().keySet());
    known.addAll(JVM_VARIABLES);
    // Slack on (Events API) so that its webhook is hosted as in production; nothing is sent to Slack.
    Settings settings = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET",
        "test-signing-secret", "SLACK_API_URL", "http://127.0.0.1:9/api/"), Optional.empty(), Optional.empty());
    List<Webhook> webhooks = new ArrayList<>();
    MemoryInsightStore insight = new MemoryInsightStore();
    chats = ChatAdapters.open(settings, question -> Reply.refusal("test"), insight, insight, webhooks);
    server = new WebServer(question -> Reply.refusal("test"), () -> true, webhooks, insight, HrDashboard.off());
    port = server.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    chats.close();
  }

  @Test
  void shouldParseEveryYamlFileUnderDeploy() throws IOException {
    // given
    List<Path> files;
    try (Stream<Path> walk = Files.walk(DEPLOY)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }

    // then
    assertTrue(files.size() >= 12, files.toString());
    for (Path file : files) {
      List<Object> documents = yamlDocuments(Files.readString(file));
      assertFalse(documents.isEmpty(), file + " is empty");
      documents.forEach(d -> assertTrue(d instanceof Map, file + " holds a document that is not a mapping"));
    }
  }

  @Test
  void shouldBuildAnImageThatExposesTheServersPortAndChecksItsHealthPath() throws Exception {
    // given
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile")).replace("\\\n", " ");

    // then the port, the folders and the variables are AskHR's
    assertEquals(String.valueOf(defaults.port()), single(dockerfile, "(?m)^EXPOSE (\\d+)$"));
    Map<String, String> env = dockerEnv(dockerfile);
    assertEquals(String.valueOf(defaults.port()), env.get("PORT"));
    assertEquals("/knowledge", env.get("KNOWLEDGE_DIR"));
    assertEquals("/data", env.get("DATA_DIR"));
    assertTrue(known.containsAll(env.keySet()), "unknown variables: " + unknown(env.keySet()));
    assertTrue(dockerfile.contains("exec java $JAVA_OPTS -jar /app/askhr.jar"));
    assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>askhr</finalName>"), "the jar it copies");
    for (String copied : List.of("pom.xml", "src", "bot", "bot/audiences.yml", "knowledge")) {
      assertTrue(Files.exists(Path.of(copied)), copied + " is copied but does not exist");
    }
    assertTrue(dockerfile.contains("USER askhr"), "runs as a non-root user");

    // and its health check, run as Docker would, passes against the real server and fails without one
    List<String> healthcheck = List.of(new ObjectMapper().readValue(
        single(dockerfile, "(?m)^HEALTHCHECK .*? CMD (\\[.*\\])$"), String[].class));
    assertTrue(String.join(" ", healthcheck).contains(WebServer.HEALTH_PATH));
    assertEquals(0, run(healthcheck, Map.of("PORT", String.valueOf(port))), "healthy server");
    assertNotEquals(0, run(healthcheck, Map.of("PORT", String.valueOf(freePort()))), "no server");
  }

  @Test
  void shouldBuildTheSameImageWithJibAsWithTheDockerfile() throws Exception {
    // given the Jib settings of the image profile and the Dockerfile
    Element jib = jibConfiguration();
    Element container = child(jib, "container");
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile")).replace("\\\n", " ");
    Map<String, String> dockerEnv = dockerEnv(dockerfile);

    // then both run as uid/gid 10001 (the Deployment's runAsUser), on the same port, folders and variables
    assertEquals("10001:10001", text(child(container, "user")));
    assertTrue(dockerfile.contains("--uid 10001") && dockerfile.contains("--gid 10001"), "Dockerfile user 10001");
    assertTrue(Files.readString(DEPLOY.resolve("k8s/base/deployment.yaml")).contains("runAsUser: 10001"));
    assertEquals(List.of(single(dockerfile, "(?m)^EXPOSE (\\d+)$")), texts(child(container, "ports")));
    Map<String, String> jibEnv = new HashMap<>();
    for (Element e : children(child(container, "environment"))) {
      jibEnv.put(e.getTagName(), text(e));
    }
    assertEquals(dockerEnv, jibEnv);
    assertEquals(List.of(new ObjectMapper().readValue(single(dockerfile, "(?m)^ENTRYPOINT (\\[.*\\])$"),
        String[].class)), texts(child(container, "entrypoint")));
    assertEquals(List.of(new ObjectMapper().readValue(single(dockerfile, "(?m)^CMD (\\[.*\\])$"), String[].class)),
        texts(child(container, "args")));
    assertEquals(List.of(new ObjectMapper().readValue(single(dockerfile, "(?m)^VOLUME (\\[.*\\])$"),
        String[].class)), texts(child(container, "volumes")));
    assertEquals(dockerfile.contains("WORKDIR /app") ? "/app" : "?", text(child(container, "workingDirectory")));
  }

  /** The {@code <configuration>} of jib-maven-plugin in pom.xml. */
  private static Element jibConfiguration() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (text(child(plugin, "artifactId")).equals("jib-maven-plugin")) {
        return child(plugin, "configuration");
      }
    }
    throw new AssertionError("no jib-maven-plugin in pom.xml");
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
  }

  private static String text(Element element) {
    return element.getTextContent().strip();
  }

  private static List<String> texts(Element parent) {
    return children(parent).stream().map(DeployFilesTest::text).toList();
  }

  @Test
  void shouldComposeAskHrWithPostgresAndAnOllamaProfile() throws IOException {
    // given
    Map<String, Object> compose = map(yamlDocuments(Files.readString(DEPLOY.resolve("compose.yaml"))).get(0));
    Map<String, Object> services = map(compose.get("services"));
    Map<String, Object> askhr = map(services.get("askhr"));

    // then
    Map<String, Object> build = map(askhr.get("build"));
    assertTrue(Files.isRegularFile(DEPLOY.resolve(build.get("context").toString()).resolve(build.get("dockerfile")
        .toString())), "the build context and Dockerfile exist");
    assertEquals(List.of(defaults.port() + ":" + defaults.port()), askhr.get("ports"));
    Map<String, Object> env = map(askhr.get("environment"));
    assertTrue(known.containsAll(env.keySet()), "unknown variables: " + unknown(env.keySet()));
    assertTrue(env.get("DATABASE_URL").toString().startsWith("jdbc:postgresql://postgres:5432/"));
    assertTrue(env.keySet().containsAll(List.of("DATABASE_URL", "INSIGHT_SALT", "KNOWLEDGE_DIR", "DATA_DIR")));
    List<?> volumes = (List<?>) askhr.get("volumes");
    assertTrue(volumes.stream().anyMatch(v -> v.toString().endsWith(":" + env.get("KNOWLEDGE_DIR") + ":ro")),
        "knowledge mounted read-only: " + volumes);
    assertTrue(volumes.stream().anyMatch(v -> v.toString().endsWith(":" + env.get("DATA_DIR"))), volumes.toString());
    assertTrue(Duration.parse("PT" + askhr.get("stop_grace_period").toString().toUpperCase())
        .compareTo(ServeCommand.SHUTDOWN_GRACE) >= 0, "compose waits as long as serve's shutdown");
    assertTrue(services.containsKey("postgres"));
    assertEquals(List.of("ollama"), map(services.get("ollama")).get("profiles"));
    assertTrue(Files.readString(DEPLOY.resolve("compose.yaml")).contains("LLM_BASE_URL=http://ollama:11434/v1"
        + " LLM_MODEL=llama3.1:8b"), "the Ollama model is documented");
  }

  @Test
  void shouldDeployTwoReplicasWithProbesRoutesAndSecretsTheServerHas() throws Exception {
    // given both variants as kubectl would apply them
    String kubectl = kubectl();
    Assumptions.assumeTrue(kubectl != null, "kubectl is not installed: Kustomize output not checked");
    Path k8s = temp.resolve("k8s");
    copy(DEPLOY.resolve("k8s"), k8s);
    assertEquals(0, run(List.of("sh", k8s.resolve("pack-knowledge.sh").toString(), "src/test/resources/knowledge"),
        Map.of()), "the knowledge bundle is packed");
    Set<String> secretKeys = map(map(yamlDocuments(Files.readString(DEPLOY.resolve("k8s/secret.example.yaml")))
        .get(0)).get("stringData")).keySet();
    assertTrue(known.containsAll(secretKeys), "unknown variables: " + unknown(secretKeys));
    // and both again with Teams turned on as the kustomization files say
    Path teams = temp.resolve("k8s-teams");
    copy(DEPLOY.resolve("k8s"), teams);
    Files.copy(k8s.resolve("knowledge.tar.gz"), teams.resolve("knowledge.tar.gz"));
    withTeams(teams.resolve("kustomization.yaml"));
    withTeams(teams.resolve("git-sync").resolve("kustomization.yaml"));

    for (Path variant : List.of(k8s, k8s.resolve("git-sync"), teams, teams.resolve("git-sync"))) {
      List<Map<String, Object>> built = kustomize(kubectl, variant);
      Map<String, Object> deployment = kind(built, "Deployment");
      Map<String, Object> spec = map(deployment.get("spec"));
      Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
      Map<String, Object> container = ((List<?>) pod.get("containers")).stream().map(DeployFilesTest::map)
          .filter(c -> c.get("name").equals("askhr")).findFirst().orElseThrow();

      // then the Deployment runs two replicas on the server's port and probes its real paths
      assertEquals(2, spec.get("replicas"), variant.toString());
      Map<String, Object> portSpec = map(((List<?>) container.get("ports")).get(0));
      assertEquals(defaults.port(), portSpec.get("containerPort"));
      assertEquals(WebServer.READY_PATH, probePath(container, "readinessProbe", portSpec));
      assertEquals(WebServer.HEALTH_PATH, probePath(container, "livenessProbe", portSpec));
      assertEquals(WebServer.HEALTH_PATH, probePath(container, "startupProbe", portSpec));
      assertTrue((Integer) pod.get("terminationGracePeriodSeconds") > ServeCommand.SHUTDOWN_GRACE.toSeconds());
      Map<String, Object> resources = map(container.get("resources"));
      assertTrue(map(resources.get("requests")).containsKey("memory"));
      assertTrue(map(resources.get("limits")).containsKey("memory"));

      // and reads only AskHR's variables, its secrets from the Secret described in secret.example.yaml
      List<Map<String, Object>> env = ((List<?>) container.get("env")).stream().map(DeployFilesTest::map).toList();
      Set<String> names = env.stream().map(e -> e.get("name").toString()).collect(Collectors.toSet());
      assertTrue(known.containsAll(names), "unknown variables: " + unknown(names));
      for (Map<String, Object> e : env) {
        if (e.containsKey("valueFrom")) {
          Map<String, Object> ref = map(map(e.get("valueFrom")).get("secretKeyRef"));
          assertEquals("askhr-secrets", ref.get("name"));
          assertTrue(secretKeys.contains(ref.get("key").toString()), ref.toString());
        }
      }
      assertTrue(names.containsAll(List.of("DATABASE_URL", "INSIGHT_SALT", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "LLM_API_KEY", "HR_DASHBOARD_TOKEN")));

      // and the Service, Ingress, budget and autoscaler point at it
      Map<String, Object> service = kind(built, "Service");
      assertEquals(portSpec.get("name"), map(((List<?>) map(service.get("spec")).get("ports")).get(0))
          .get("targetPort"));
      List<String> routes = ingressPaths(kind(built, "Ingress"), service);
      boolean teamsOn = variant.startsWith(teams);
      assertEquals(teamsOn ? Set.of("/api/messages", "/slack/events", "/hr") : Set.of("/slack/events", "/hr"),
          Set.copyOf(routes), variant.toString());
      // Teams' endpoint is published only with the bot's identity required: no pod starts without it
      for (String name : List.of("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID")) {
        Map<String, Object> ref = map(map(env.stream().filter(e -> e.get("name").equals(name)).findFirst()
            .orElseThrow().get("valueFrom")).get("secretKeyRef"));
        assertEquals(teamsOn, !Boolean.TRUE.equals(ref.get("optional")), variant + " " + name + " " + ref);
      }
      assertFalse(names.contains("TEAMS_ALLOW_UNAUTHENTICATED"), "never unauthenticated in a cluster");
      for (String route : routes) {
        assertTrue(serves(route), route + " is routed but the server does not serve it");
      }
      Map<String, Object> selector = map(map(map(deployment.get("spec")).get("selector")).get("matchLabels"));
      assertEquals(selector, map(map(map(kind(built, "PodDisruptionBudget").get("spec")).get("selector"))
          .get("matchLabels")));
      Map<String, Object> hpa = map(kind(built, "HorizontalPodAutoscaler").get("spec"));
      assertEquals("askhr", map(hpa.get("scaleTargetRef")).get("name"));
      assertTrue((Integer) hpa.get("minReplicas") >= 2);
      String knowledgeDir = env.stream().filter(e -> e.get("name").equals("KNOWLEDGE_DIR")).findFirst().orElseThrow()
          .get("value").toString();
      assertTrue(knowledgeDir.startsWith("/knowledge"), knowledgeDir);
    }
    assertTrue(kind(kustomize(kubectl, k8s), "ConfigMap").get("binaryData").toString().contains("knowledge.tar.gz"));
  }

  @Test
  void shouldServeThePathsTheProbesAndRoutesName() throws Exception {
    assertEquals(200, get(WebServer.HEALTH_PATH).statusCode());
    assertEquals(200, get(WebServer.READY_PATH).statusCode());
    assertEquals(200, get(WebServer.METRICS_PATH).statusCode());
    assertTrue(serves("/slack/events") && serves("/api/messages") && serves("/hr"));
    assertFalse(serves("/no/such/path"), "the check can fail");
  }

  /** True when the server routes {@code path} (GET for pages, POST for webhooks): anything but 404 and 405. */
  private static boolean serves(String path) throws Exception {
    HttpResponse<String> get = get(path);
    if (get.statusCode() != 404 && get.statusCode() != 405) {
      return true;
    }
    int post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    return post != 404 && post != 405;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String probePath(Map<String, Object> container, String probe, Map<String, Object> portSpec) {
    Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
    assertTrue(httpGet.get("port").equals(portSpec.get("name")) || httpGet.get("port").equals(portSpec
        .get("containerPort")), probe + " port " + httpGet.get("port"));
    return httpGet.get("path").toString();
  }

  private static List<String> ingressPaths(Map<String, Object> ingress, Map<String, Object> service) {
    List<String> paths = new ArrayList<>();
    for (Object rule : (List<?>) map(ingress.get("spec")).get("rules")) {
      for (Object p : (List<?>) map(map(map(rule).get("http"))).get("paths")) {
        Map<String, Object> backend = map(map(map(p).get("backend")).get("service"));
        assertEquals(map(service.get("metadata")).get("name"), backend.get("name"));
        assertEquals("http", map(backend.get("port")).get("name"));
        paths.add(map(p).get("path").toString());
      }
    }
    return paths;
  }

  /** Uncomments the {@code components:} lines that turn Teams on, as an operator would. */
  private static void withTeams(Path kustomization) throws IOException {
    String text = Files.readString(kustomization);
    String on = text.replaceAll("(?m)^# components:$", "components:").replaceAll("(?m)^#   - (\\.\\./)?teams$",
        "  - $1teams");
    assertNotEquals(text, on, kustomization + " says how to turn Teams on");
    Files.writeString(kustomization, on);
  }

  private static Map<String, String> dockerEnv(String dockerfile) {
    Map<String, String> env = new HashMap<>();
    Matcher lines = Pattern.compile("(?m)^ENV (.+)$").matcher(dockerfile);
    while (lines.find()) {
      Matcher pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(lines.group(1));
      while (pair.find()) {
        env.put(pair.group(1), pair.group(2).replace("\"", ""));
      }
    }
    return env;
  }

  private List<Map<String, Object>> kustomize(String kubectl, Path dir) throws Exception {
    Path out = temp.resolve("kustomize-" + System.nanoTime() + ".yaml");
    Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String built = Files.readString(out);
    assertEquals(0, p.exitValue(), built);
    return yamlDocuments(built).stream().map(DeployFilesTest::map).toList();
  }

  private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
    List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    assertEquals(1, found.size(), kind);
    return found.get(0);
  }

  private static List<Object> yamlDocuments(String text) {
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(d -> {
      if (d != null) {
        documents.add(d);
      }
    });
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    assertTrue(yaml instanceof Map, "expected a mapping, got " + yaml);
    return (Map<String, Object>) yaml;
  }

  private static Set<String> unknown(Set<String> names) {
    return names.stream().filter(n -> !known.contains(n)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String single(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    String value = m.group(1);
    assertFalse(m.find(), "more than one match for " + regex);
    return value;
  }

  private int run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve("run-" + System.nanoTime() + ".log").toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
    return p.exitValue();
  }

  private static String kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
        return Path.of(dir, "kubectl").toString();
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("knowledge.tar.gz")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
