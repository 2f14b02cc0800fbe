package io.askhr.question;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExampleVectorsTest {

  @Test
  void shouldGiveExactlyTheSimilaritiesOfLangChain4jsCosine() {
    // given: 384-dimension vectors like e5-small's, one of them all zeros
    Random random = new Random(42);
    List<float[]> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      examples.add(vector(random));
    }
    examples.add(new float[384]);
    ExampleVectors vectors = new ExampleVectors(examples);

    for (int q = 0; q < 20; q++) {
      float[] asked = vector(random);

      // when
      double[] similarities = vectors.similarities(asked);

      // then: bit for bit, so the classifier's and the approved answers' decisions cannot move
      double[] expected = examples.stream()
          .mapToDouble(e -> CosineSimilarity.between(Embedding.from(asked), Embedding.from(e))).toArray();
      assertArrayEquals(expected, similarities, 0.0);
    }
    assertEquals(201, vectors.size());
  }

  @Test
  void shouldRefuseVectorsOfAnotherModel() {
    ExampleVectors vectors = new ExampleVectors(List.of(new float[] {1, 0, 0}));

    assertThrows(IllegalArgumentException.class, () -> vectors.similarities(new float[] {1, 0}));
  }

  private static float[] vector(Random random) {
    float[] v = new float[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian() * 0.05f;
    }
    return v;
  }
}
