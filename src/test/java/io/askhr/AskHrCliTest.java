package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskHrCliTest {

  @TempDir Path temp;

  private static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  private static CliRun run(Map<String, String> environment, String... args) {
    return CliRun.of(environment, args);
  }

  @Test
  void shouldPrintTheReplyAsJsonWithCitations() throws Exception {
    // when
    CliRun run = run("ask", "How is severance calculated?", "--json", "--knowledge", FixtureKnowledge.source().toString(),
        "--index", temp.resolve("index").toString());

    // then
    assertEquals(0, run.status(), run.err());
    JsonNode reply = new ObjectMapper().readTree(run.out());
    assertEquals("extractive", reply.get("mode").asText());
    assertTrue(reply.get("answer").asText().contains("three weeks of base pay"), run.out());
    JsonNode citation = reply.get("citations").get(0);
    assertEquals("reorganisation/severance.md", citation.get("source").asText());
    assertEquals("Severance pay", citation.get("title").asText());
    assertTrue(List.of("Formula", "Worked example", "Payment").contains(citation.get("section").asText()),
        citation.toString());
    assertTrue(citation.get("snippet").asText().length() > 20);
    // a general policy question, not one about the asker's own severance
    assertFalse(reply.get("flags").toString().contains("sensitive"), reply.get("flags").toString());
  }

  @Test
  void shouldDraftWithTheModelNamedInTheEnvironment() throws Exception {
    try (LoopbackChatServer model = new LoopbackChatServer()) {
      // given
      model.replyWith("Severance is three weeks of base pay per complete year [1].");
      Map<String, String> environment = Map.of("LLM_BASE_URL", model.baseUrl(), "LLM_API_KEY", "test-key",
          "LLM_MODEL", "loopback-model");

      // when
      CliRun run = run(environment, "ask", "How is severance calculated?", "--json", "--knowledge",
          FixtureKnowledge.source().toString(), "--index", temp.resolve("index").toString());

      // then
      assertEquals(0, run.status(), run.err());
      JsonNode reply = new ObjectMapper().readTree(run.out());
      assertEquals("llm", reply.get("mode").asText());
      assertTrue(reply.get("answer").asText().startsWith("Severance is three weeks of base pay per complete year [1]."));
      assertEquals("loopback-model", model.requests().get(0).get("model").asText());
      assertTrue(model.lastPrompt().contains("[1] Severance pay"), model.lastPrompt());
    }
  }

  @Test
  void shouldReportIndexingWithFilesAndPassages() {
    // when
    CliRun run = run("index", "--knowledge", FixtureKnowledge.source().toString(), "--index", temp.resolve("i").toString());

    // then
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("Files: 8 (changed 8, removed 0)"), run.out());
    assertTrue(run.out().contains("Skipped: 0"), run.out());
  }

  @Test
  void shouldExitWithStatusTwoWhenTheKnowledgeFolderIsMissing() {
    // when
    CliRun run = run("ask", "anything", "--knowledge", temp.resolve("nope").toString());

    // then
    assertEquals(2, run.status());
    assertTrue(run.err().contains("knowledge folder not found"), run.err());
  }

  @Test
  void shouldRefuseAnUnknownCountryCode() {
    // when
    CliRun run = run("ask", "holiday", "--country", "Narnia", "--knowledge", FixtureKnowledge.source().toString());

    // then
    assertEquals(2, run.status());
    assertTrue(run.err().contains("--country must be a two-letter ISO country code"), run.err());
  }

  @Test
  void shouldExitWithStatusTwoWhenTheIndexCannotBeCreated() throws Exception {
    // given: the index path lies under a regular file
    Path file = java.nio.file.Files.writeString(temp.resolve("not-a-folder"), "x");

    // when
    CliRun run = run("index", "--knowledge", FixtureKnowledge.source().toString(), "--index",
        file.resolve("index").toString());

    // then
    assertEquals(2, run.status());
    assertTrue(run.err().contains("Cannot open the index at"), run.err());
  }

  @Test
  void shouldGiveAUsageHintForAnEmptyQuestion() {
    // when
    CliRun run = run("ask", "", "--knowledge", FixtureKnowledge.source().toString(), "--index",
        temp.resolve("index").toString());

    // then
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("Ask me a question about our HR policies"), run.out());
  }
}
