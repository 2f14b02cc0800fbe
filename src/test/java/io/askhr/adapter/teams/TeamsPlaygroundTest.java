package io.askhr.adapter.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askhr.adapter.web.WebServer;
import io.askhr.config.Settings;
import io.askhr.drafting.ExtractiveDrafter;
import io.askhr.drafting.FollowUpHeuristic;
import io.askhr.drafting.LlmDrafter;
import io.askhr.drafting.ResilientChatModel;
import io.askhr.drafting.StreamingLlmDrafter;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.askhr.insight.MemoryInsightStore;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.question.AnswerFlow;
import io.askhr.question.QuestionHandler;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with Microsoft's own Teams emulator, the M365 Agents Playground ({@code ASKHR_PLAYGROUND} = path of
 * its {@code cli.js}, installed by {@code .ci/run}): a question typed into its personal chat reaches the real answer
 * engine through {@code /api/messages}, and the bot's reply comes back through the Playground's mock Bot Connector.
 */
class TeamsPlaygroundTest {

  static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1: the Playground closes connections that ask to upgrade to h2c
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final List<JsonNode> stream = new CopyOnWriteArrayList<>();
  static final MemoryInsightStore store = new MemoryInsightStore();

  @TempDir static Path temp;
  static PolicyIndex index;
  static WebServer server;
  static Process playground;
  static WebSocket socket;
  static String base;
  static JsonNode config;
  static LoopbackChatServer model;

  @BeforeAll
  static void start() throws Exception {
    String cli = System.getenv("ASKHR_PLAYGROUND");
    Assumptions.assumeTrue(cli != null && !cli.isBlank(),
        "ASKHR_PLAYGROUND is not set: .ci/run installs the Agents Playground and sets it");
    assertTrue(Files.isRegularFile(Path.of(cli)), "ASKHR_PLAYGROUND must point to the Playground's cli.js: " + cli);

    // the real answer engine over the fixture policies, served as `serve` does
    index = PolicyIndex.open(temp.resolve("index"), TestModels.embeddings());
    index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000), PassageSplitter.defaults());
    // TEAMS_ALLOW_UNAUTHENTICATED: the Playground sends no Authorization header (local mode, no app id)
    Settings settings = Settings.fromEnvironment(Map.of("HR_CONTACT", "the People team (people@example.test)",
        "TEAMS_ALLOW_UNAUTHENTICATED", "true", "EMBEDDING_MODEL", "minilm"), Optional.of(FixtureKnowledge.source()),
        Optional.empty());
    ExtractiveDrafter extractive = new ExtractiveDrafter(TestModels.local());
    // a model on loopback that streams its answer word by word, so that Teams' streaming is exercised for real
    model = new LoopbackChatServer().streamEvery(Duration.ofMillis(20)).replyWith("You may take up to five days of"
        + " paid compassionate leave [1]. Close relatives include a grandparent [1].");
    ResilientChatModel resilient = new ResilientChatModel(OpenAiChatModel.builder().baseUrl(model.baseUrl())
        .apiKey("k").modelName("m").build(), 4, Duration.ofSeconds(5),
        ResilientChatModel.breakerConfig(Duration.ofSeconds(30)));
    StreamingLlmDrafter drafter = new StreamingLlmDrafter(resilient.streaming(OpenAiStreamingChatModel.builder()
        .baseUrl(model.baseUrl()).apiKey("k").modelName("m").build(), Duration.ofSeconds(10)),
        new LlmDrafter(resilient, "Brightwater Systems", "the People team"), Duration.ofSeconds(20));
    QuestionHandler engine = new AnswerFlow(index.searcher(), drafter, extractive, new FollowUpHeuristic(),
        settings.answers());
    server = new WebServer(engine, () -> true, List.of(TeamsAdapter.webhook(settings, engine, store)));
    int botPort = server.start("127.0.0.1", 0);

    ProcessBuilder builder = new ProcessBuilder("node", cli, "-e", "http://127.0.0.1:" + botPort + "/api/messages",
        "-c", "msteams", "-p", String.valueOf(freePort()), "--disable-telemetry").redirectErrorStream(true)
        .directory(temp.toFile());
    // no browser, and no probe of a cloud metadata address
    builder.environment().put("TEAMSAPPTESTER_BROWSER", "none");
    builder.environment().put("APPLICATION_INSIGHTS_NO_STATSBEAT", "true");
    playground = builder.start();
    base = "http://127.0.0.1:" + listeningPort(playground);
    config = JSON.readTree(get("/_internal/v1/config")).path("config");
    socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws")
        + "/_ws_conversation/v1/conversations/stream"), new Collector()).get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (socket != null) {
      socket.abort();
    }
    if (playground != null) {
      playground.descendants().forEach(ProcessHandle::destroy);
      playground.destroy();
      playground.waitFor(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.close();
    }
    if (model != null) {
      model.close();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  /** The Playground picks another port when the asked one is taken, and says which. */
  static int listeningPort(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("Listening on ")) {
            int found = Integer.parseInt(line.substring("Listening on ".length()).strip());
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "playground-output");
            drain.setDaemon(true);
            drain.start();
            return found;
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("The Playground exited before listening");
    });
    return port.get(30, TimeUnit.SECONDS);
  }

  static String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for a message on the Playground's conversation stream. */
  static JsonNode await(Predicate<JsonNode> filter) {
    return Awaitility.await("a matching message on the Playground's conversation stream")
        .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> stream.stream().filter(filter).findFirst(), Optional::isPresent).orElseThrow();
  }

  static JsonNode card(JsonNode event) {
    return event.path("message").path("attachments").path(0).path("content");
  }

  @Test
  void shouldStreamAnAiLabelledCitedAnswerAndStoreTheThumbsFeedback() throws Exception {
    // given
    String chat = config.path("personalChat").path("id").asText();
    ObjectNode message = JSON.createObjectNode().put("text",
        "How many days of compassionate leave can I take when my grandmother dies?").put("textFormat", "plain");
    message.putObject("from").put("id", config.path("currentUser").path("id").asText());

    // when
    HttpResponse<String> sent = post("/_conversation/v1/conversations/" + chat + "/messages", message);

    // then: the Playground shows an informative update, then streamed sentences, then the final AI message
    assertEquals(200, sent.statusCode(), sent.body());
    JsonNode informative = await(e -> e.path("action").asText().equals("createMessage")
        && streamType(e).equals("informative"));
    assertEquals("Searching our policies…", informative.path("message").path("text").asText());
    String messageId = informative.path("message").path("messageId").asText();
    JsonNode streaming = await(e -> streamType(e).equals("streaming"));
    assertTrue(streaming.path("message").path("text").asText().startsWith("You may take up to five days"),
        streaming.toString());
    JsonNode last = await(e -> e.path("action").asText().equals("updateMessage")
        && !e.path("message").path("aiEntity").isMissingNode() && !e.path("message").path("aiEntity").isNull());
    JsonNode shown = last.path("message");
    assertEquals(messageId, shown.path("messageId").asText(), "the final message replaces the streamed one");
    assertEquals("You may take up to five days of paid compassionate leave [1]. Close relatives include a"
        + " grandparent [1].", shown.path("text").asText());
    JsonNode ai = shown.path("aiEntity");
    assertTrue(ai.path("additionalType").toString().contains("AIGeneratedContent"), ai.toString());
    JsonNode citation = ai.path("citation").path(0);
    assertEquals(1, citation.path("position").asInt());
    assertEquals("Compassionate leave", citation.path("appearance").path("name").asText());
    assertTrue(citation.path("appearance").path("abstract").asText().contains("five days"), citation.toString());
    assertTrue(shown.path("feedbackLoopEnabled").asBoolean(), shown.toString());
    String answerId = store.answers().get(0).id();
    assertEquals("leave/bereavement.md", store.answers().get(0).citedSources().get(0));

    // when the employee presses Teams' own 👍 (the feedback loop's message/submitAction invoke)
    ObjectNode thumbs = (ObjectNode) JSON.readTree(get("/_internal/v1/customActivities/template?conversationId="
        + chat));
    thumbs.put("type", "invoke").put("name", "message/submitAction").put("replyToId", messageId);
    thumbs.putObject("value").put("actionName", "feedback").putObject("actionValue").put("reaction", "like")
        .put("feedback", "{\"feedbackText\":\"\"}");
    assertEquals(200, post("/_internal/v1/customActivities", thumbs).statusCode());

    // then
    Awaitility.await("the feedback stored").atMost(Duration.ofSeconds(10)).until(() -> !store.feedback().isEmpty());
    assertEquals(1, store.feedback().size());
    assertEquals(answerId, store.feedback().get(0).answerId());
    assertTrue(store.feedback().get(0).helpful());
  }

  static String streamType(JsonNode event) {
    return event.path("message").path("streamEntity").path("streamType").asText();
  }

  @Test
  void shouldWelcomeTheTeamWhenAddedToAChannel() throws Exception {
    // given: the Playground's team channel, and a conversationUpdate that adds the bot
    String channel = config.path("teams").path(0).path("id").asText();
    ObjectNode added = (ObjectNode) JSON.readTree(get("/_internal/v1/customActivities/template?conversationId="
        + channel));
    added.put("type", "conversationUpdate");
    added.putArray("membersAdded").add(added.get("recipient").deepCopy());

    // when
    assertEquals(200, post("/_internal/v1/customActivities", added).statusCode());

    // then
    JsonNode welcome = await(e -> e.path("action").asText().equals("createMessage")
        && e.path("actionConversationId").asText().equals(channel));
    assertTrue(welcome.path("message").path("text").asText().contains("How many days of annual leave"),
        welcome.toString());
  }

  /** Collects the stream's JSON messages, which may arrive in several frames. */
  static final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          stream.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          // not JSON: ignore
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
