package io.askhr.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * LangChain4j's in-process BERT encoder on an ONNX session that computes each text on the calling thread, without
 * spinning idle threads. {@code OnnxEmbeddingModel}'s default session spreads one text over every core and keeps its
 * threads spinning between calls, which takes CPU from the other requests of a small server, while indexing already
 * embeds one passage per core. Measured against the default session (docs/benchmarks.md): no slower per query.
 */
final class SingleThreadOnnxModel extends AbstractInProcessEmbeddingModel {

  private final OnnxBertBiEncoder encoder;

  private SingleThreadOnnxModel(OnnxBertBiEncoder encoder) {
    super(null);
    this.encoder = encoder;
  }

  static SingleThreadOnnxModel load(Path onnx, Path tokenizer, PoolingMode pooling) throws IOException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
         InputStream tokens = Files.newInputStream(tokenizer)) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(onnx.toString(), options);
      return new SingleThreadOnnxModel(new OnnxBertBiEncoder(environment, session, tokens, pooling));
    } catch (OrtException e) {
      throw new IOException("cannot load the ONNX model " + onnx.getFileName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }
}
