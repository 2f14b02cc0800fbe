package io.askhr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.askhr.config.EmbeddingSettings;
import io.askhr.retrieval.PolicyEmbedder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local uses (extractive answers, sensitive examples, approved answers, gap clusters) always get bundled e5. */
class LocalEmbeddingsTest {

  @Test
  void shouldShareTheOneLoadedE5ModelWithAnIndexThatUsesE5() {
    // given
    PolicyEmbedder index = Engine.passageEmbedder(new EmbeddingSettings("e5-small", Optional.empty(),
        Optional.empty()));

    // when
    PolicyEmbedder local = Engine.localEmbedder();

    // then one ONNX model in the process, with e5's prefixes
    assertSame(index.model(), local.model());
    assertEquals("query: ", local.queryPrefix());
    assertEquals("passage: ", local.passagePrefix());
  }

  @Test
  void shouldKeepBundledE5ForLocalUsesWhenPassagesAreRankedByAnotherModel() {
    // given an index on a remote endpoint (never called here: building the client sends nothing)
    PolicyEmbedder remote = Engine.passageEmbedder(new EmbeddingSettings("bge-m3",
        Optional.of("http://127.0.0.1:9/v1"), Optional.empty()));

    // when
    PolicyEmbedder local = Engine.localEmbedder();

    // then
    assertNotSame(remote.model(), local.model());
    assertEquals("query: ", local.queryPrefix());
    assertEquals(384, local.query("Is my job safe?").length);
  }
}
