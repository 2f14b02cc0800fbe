package io.askhr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.question.DecisionWeights;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings from(Map<String, String> env) {
    return Settings.fromEnvironment(env, Optional.empty(), Optional.empty());
  }

  @Test
  void shouldStartWithoutAnyCredentials() {
    // when
    Settings settings = from(Map.of());

    // then
    assertEquals(Path.of("knowledge"), settings.knowledgeDir());
    assertEquals(3978, settings.port());
    assertTrue(settings.llm().isEmpty());
    assertEquals(0.80, settings.answers().minSimilarity());
    assertEquals("e5-small", settings.embedding().model());
    assertTrue(settings.indexDir().startsWith(Path.of("data", "index")));
  }

  @Test
  void shouldTakeTheNotCoveredThresholdsOfTheChosenEmbeddingModel() {
    assertEquals(0.30, from(Map.of("EMBEDDING_MODEL", "minilm")).answers().minSimilarity());
    assertEquals(0.85, from(Map.of("EMBEDDING_MODEL", "E5-Small")).answers().confidentSimilarity());
    assertEquals(0.7, from(Map.of("EMBEDDING_MODEL", "minilm", "RETRIEVAL_MIN_SIMILARITY", "0.7",
        "RETRIEVAL_CONFIDENT_SIMILARITY", "0.8")).answers().minSimilarity());
  }

  @Test
  void shouldTakeTheDecisionWeightsOfTheChosenEmbeddingModelEachOverridable() {
    assertEquals(DecisionWeights.E5_SMALL, from(Map.of()).answers().decision());
    assertEquals(DecisionWeights.MINILM, from(Map.of("EMBEDDING_MODEL", "minilm")).answers().decision());
    assertEquals(new DecisionWeights(0.5, 0.15, 0.3, 0.03, 0.006),
        from(Map.of("ANSWER_HEDGE_MARGIN", "0.3")).answers().decision());
    assertEquals(new DecisionWeights(0.5, 0.15, 0.035, 0, 0.01), from(Map.of("ANSWER_VECTOR_RANK_PENALTY", "0",
        "ANSWER_LEXICAL_RANK_PENALTY", "0.01")).answers().decision());
    assertThrows(ConfigException.class, () -> from(Map.of("ANSWER_VECTOR_RANK_PENALTY", "-0.02")));
    assertEquals(new DecisionWeights(0.25, 0, 0.47), from(Map.of("EMBEDDING_MODEL", "minilm",
        "ANSWER_COVERAGE_WEIGHT", "0.25", "ANSWER_AGREEMENT_BONUS", "0")).answers().decision());
    ConfigException bad = assertThrows(ConfigException.class, () -> from(Map.of("ANSWER_HEDGE_MARGIN", "-0.1")));
    assertTrue(bad.getMessage().contains("ANSWER_HEDGE_MARGIN"), bad.getMessage());
    assertThrows(ConfigException.class, () -> from(Map.of("ANSWER_COVERAGE_WEIGHT", "half")));
  }

  @Test
  void shouldRefuseAnUnknownEmbeddingModelOrAKeyWithoutAnEndpoint() {
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> from(Map.of("EMBEDDING_MODEL", "gte-large")));
    assertTrue(unknown.getMessage().contains("minilm, bge-small, e5-small"), unknown.getMessage());
    assertThrows(ConfigException.class,
        () -> from(Map.of("EMBEDDING_API_KEY", "sk-1")));
    assertThrows(ConfigException.class,
        () -> from(Map.of("EMBEDDING_BASE_URL", "http://127.0.0.1:9/v1")));
    assertEquals("bge-m3", from(Map.of("EMBEDDING_BASE_URL", "http://127.0.0.1:9/v1", "EMBEDDING_MODEL", "bge-m3"))
        .embedding().model());
  }

  @Test
  void shouldTurnTheModelOnWithABaseUrlAndKeepTheKeyOutOfItsDescription() {
    // when
    LlmSettings llm = from(Map.of("LLM_BASE_URL", "http://localhost:11434/v1", "LLM_API_KEY", "sk-secret-123",
        "LLM_MODEL", "llama3.1", "LLM_TIMEOUT", "5s")).llm().orElseThrow();

    // then
    assertEquals("http://localhost:11434/v1", llm.baseUrl());
    assertEquals("llama3.1", llm.model());
    assertEquals(Duration.ofSeconds(5), llm.timeout());
    assertFalse(llm.toString().contains("sk-secret-123"), llm.toString());
  }

  @Test
  void shouldNameTheVariableThatIsInvalid() {
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("PORT", "eighty"))).getMessage()
        .startsWith("PORT must be"));
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("LLM_BASE_URL", "localhost:11434"))).getMessage()
        .startsWith("LLM_BASE_URL must be"));
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("RETRIEVAL_MIN_SIMILARITY", "2"))).getMessage()
        .startsWith("RETRIEVAL_MIN_SIMILARITY must be between 0 and 1"));
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("LLM_API_KEY", "k", "LLM_TIMEOUT", "soon")))
        .getMessage().startsWith("LLM_TIMEOUT must be"));
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("LLM_API_KEY", "k", "LLM_TIMEOUT", "0s")))
        .getMessage().startsWith("LLM_TIMEOUT must be longer than zero"));
    assertTrue(assertThrows(ConfigException.class, () -> from(Map.of("RETRIEVAL_MIN_SIMILARITY", "0.9"))).getMessage()
        .startsWith("RETRIEVAL_MIN_SIMILARITY (0.9) must not be above"));
  }

  @Test
  void shouldGiveEachKnowledgeFolderItsOwnIndex() {
    assertFalse(Settings.indexName(Path.of("/a/knowledge")).equals(Settings.indexName(Path.of("/b/knowledge"))));
    assertTrue(Settings.indexName(Path.of("/a/knowledge")).startsWith("knowledge-"));
  }
}
