package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.askhr.config.ConfigException;
import io.askhr.config.EmbeddingSettings;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PassageSplitter;
import io.askhr.retrieval.BundledEmbeddingModel;
import io.askhr.retrieval.Hit;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicyEmbedder;
import io.askhr.retrieval.PolicyIndex;
import io.askhr.retrieval.Scope;
import io.askhr.testing.FixtureKnowledge;
import io.askhr.testing.LoopbackChatServer;
import io.askhr.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingModelsTest {

  @TempDir Path temp;

  @Test
  void shouldRankPassagesWithAnOpenAiCompatibleEmbeddingsEndpoint() throws Exception {
    // given an embeddings endpoint on loopback and the settings that point at it
    try (LoopbackChatServer server = new LoopbackChatServer()) {
      EmbeddingSettings settings = new EmbeddingSettings("bge-m3", Optional.of(server.baseUrl()),
          Optional.of("sk-embed-test"));
      PolicyEmbedder embedder = Engine.passageEmbedder(settings);

      // when the fixture knowledge is indexed and searched through it
      try (PolicyIndex index = PolicyIndex.open(temp.resolve("index"), embedder, io.askhr.retrieval.Synonyms.none())) {
        IndexReport report = index.update(new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000),
            PassageSplitter.defaults());
        List<Hit> hits = index.searcher().withWeights(io.askhr.retrieval.FusionWeights.vectorOnly())
            .search("bereavement leave when a close relative dies", Scope.everyone(), 3);

        // then every passage and the query went over HTTP, with the key and the model name
        assertTrue(report.embedded() > 0);
        List<LoopbackChatServer.EmbeddingRequest> requests = server.embeddingRequests();
        assertTrue(requests.size() >= 2, "requests: " + requests.size());
        assertTrue(requests.stream().allMatch(r -> r.authorization().equals("Bearer sk-embed-test")));
        assertTrue(requests.stream().allMatch(r -> r.body().path("model").asText().equals("bge-m3")));
        assertEquals("leave/bereavement.md", hits.get(0).passage().source());
        assertTrue(hits.get(0).similarity() > 0.1, "similarity " + hits.get(0).similarity());
      }
    }
  }

  @Test
  void shouldRebuildTheIndexWhenTheEmbeddingModelChanges() throws Exception {
    // given an index built with MiniLM
    Path indexDir = temp.resolve("index");
    KnowledgeFolder folder = new KnowledgeFolder(FixtureKnowledge.source(), 10_000_000);
    int passages;
    try (PolicyIndex index = PolicyIndex.open(indexDir, TestModels.embeddings())) {
      passages = index.update(folder, PassageSplitter.defaults()).passages();
    }

    // when it is reopened with a remote model of another dimension
    try (LoopbackChatServer server = new LoopbackChatServer();
         PolicyIndex index = PolicyIndex.open(indexDir, Engine.passageEmbedder(new EmbeddingSettings("other",
             Optional.of(server.baseUrl()), Optional.empty())), io.askhr.retrieval.Synonyms.none())) {
      IndexReport report = index.update(folder, PassageSplitter.defaults());

      // then every passage is embedded again, and searching works with the new vectors
      assertEquals(passages, report.embedded());
      assertEquals(passages, report.passages());
      assertNotEquals(0, index.searcher().search("annual leave", Scope.everyone(), 3).size());
    }
  }

  @Test
  void shouldAddTheQueryPrefixOfBgeButNotToPassages() {
    // given
    PolicyEmbedder bge = BundledEmbeddingModel.BGE_SMALL.load();

    // then
    assertEquals("Represent this sentence for searching relevant passages: ", bge.queryPrefix());
    assertEquals("", bge.passagePrefix());
    assertEquals(384, bge.query("how much annual leave do I get").length);
  }

  @Test
  void shouldNameEveryInProcessModelTheSettingsAccept() {
    for (String name : EmbeddingSettings.IN_PROCESS) {
      assertTrue(BundledEmbeddingModel.named(name).isPresent(), name);
    }
    assertThrows(ConfigException.class, () -> Engine.passageEmbedder(
        new EmbeddingSettings("gte-large", Optional.empty(), Optional.empty())));
  }
}
