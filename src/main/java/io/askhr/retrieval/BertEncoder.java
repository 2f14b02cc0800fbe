package io.askhr.retrieval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A BERT sentence encoder on an ONNX session: the steps of LangChain4j's {@code OnnxBertBiEncoder} (1.19), on
 * {@link WordPieceTokenizer} instead of the native HuggingFace tokenizer, so that the vectors, and with them every
 * index built before, stay the same ({@code WordPieceParityTest}). As there, a text is read up to the model's length
 * (512 positions: its first 510 word pieces) and the rest is ignored; every position, [CLS] and [SEP] included, is
 * pooled; the vector has unit length.
 */
final class BertEncoder {

  /** How the vectors of the positions become one: the mean of all, or the [CLS] position's (bge). */
  enum Pooling { MEAN, CLS }

  /** A text's vector and the number of positions the model read. */
  record Encoded(float[] vector, int positions) {}

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final Set<String> inputs;
  private final WordPieceTokenizer tokenizer;
  private final Pooling pooling;

  BertEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer, Pooling pooling)
      throws OrtException {
    this.environment = environment;
    this.session = session;
    this.inputs = session.getInputNames();
    this.tokenizer = tokenizer;
    this.pooling = pooling;
  }

  /**
   * The unit vector of a text.
   *
   * @throws IllegalArgumentException when the text has no word piece (empty or whitespace only)
   */
  Encoded encode(String text) {
    int[] ids = tokenizer.encode(text);
    if (ids.length <= 2) {
      throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
    }
    try {
      return new Encoded(normalize(pool(run(modelInput(ids)))), ids.length);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    }
  }

  /**
   * The ids the model reads. LangChain4j joins the word pieces into a sentence ("un ##aff ##able" becomes
   * "unaffable") and encodes that sentence again; when it would not give the same pieces back, it encodes the pieces
   * run together instead. Kept as it is, since that is what the existing vectors were computed from.
   */
  private int[] modelInput(int[] ids) {
    String[] pieces = new String[ids.length - 2];
    for (int i = 0; i < pieces.length; i++) {
      pieces[i] = tokenizer.token(ids[i + 1]);
    }
    String sentence = String.join(" ", pieces).replace(" ##", "").trim();
    int[] again = tokenizer.encode(sentence);
    return Arrays.equals(again, ids) ? ids : tokenizer.encode(String.join("", pieces));
  }

  private float[][] run(int[] ids) throws OrtException {
    long[] inputIds = new long[ids.length];
    long[] attention = new long[ids.length];
    long[] types = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      inputIds[i] = ids[i];
      attention[i] = 1;
    }
    long[] shape = {1, ids.length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
         OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(attention), shape);
         OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
      Map<String, OnnxTensor> feed = new HashMap<>();
      feed.put("input_ids", idTensor);
      feed.put("attention_mask", maskTensor);
      if (inputs.contains("token_type_ids")) {
        feed.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(feed)) {
        return ((float[][][]) result.get(0).getValue())[0];
      }
    }
  }

  private float[] pool(float[][] positions) {
    if (pooling == Pooling.CLS) {
      return positions[0];
    }
    float[] mean = new float[positions[0].length];
    for (float[] position : positions) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += position[j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= positions.length;
    }
    return mean;
  }

  private static float[] normalize(float[] vector) {
    float sumOfSquares = 0;
    for (float v : vector) {
      sumOfSquares += v * v;
    }
    float norm = (float) Math.sqrt(sumOfSquares);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] / norm;
    }
    return unit;
  }
}
