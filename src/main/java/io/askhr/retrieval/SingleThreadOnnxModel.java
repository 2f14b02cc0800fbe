package io.askhr.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An in-process BERT embedding model on an ONNX session that computes each text on the calling thread, without
 * spinning idle threads. {@code OnnxEmbeddingModel}'s default session spreads one text over every core and keeps its
 * threads spinning between calls, which takes CPU from the other requests of a small server, while indexing already
 * embeds one passage per core. Measured against the default session (docs/benchmarks.md): no slower per query.
 * As LangChain4j's in-process models do, one text is embedded on the caller's thread and a batch on one thread per
 * core.
 */
final class SingleThreadOnnxModel extends DimensionAwareEmbeddingModel {

  private final BertEncoder encoder;
  private final ThreadPoolExecutor batches;

  private SingleThreadOnnxModel(BertEncoder encoder) {
    this.encoder = encoder;
    int cores = Runtime.getRuntime().availableProcessors();
    this.batches = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    batches.allowCoreThreadTimeOut(true);
  }

  static SingleThreadOnnxModel load(Path onnx, Path tokenizer, BertEncoder.Pooling pooling) throws IOException {
    WordPieceTokenizer tokens;
    try (InputStream json = Files.newInputStream(tokenizer)) {
      tokens = WordPieceTokenizer.read(json);
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(onnx.toString(), options);
      return new SingleThreadOnnxModel(new BertEncoder(environment, session, tokens, pooling));
    } catch (OrtException e) {
      throw new IOException("cannot load the ONNX model " + onnx.getFileName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    if (segments == null || segments.isEmpty()) {
      throw new IllegalArgumentException("segments cannot be null or empty");
    }
    List<BertEncoder.Encoded> encoded;
    if (segments.size() == 1) {
      encoded = List.of(encoder.encode(segments.get(0).text()));
    } else {
      List<CompletableFuture<BertEncoder.Encoded>> futures = segments.stream()
          .map(s -> CompletableFuture.supplyAsync(() -> encoder.encode(s.text()), batches)).toList();
      try {
        encoded = futures.stream().map(CompletableFuture::join).toList();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    int pieces = encoded.stream().mapToInt(e -> e.positions() - 2).sum();
    return Response.from(encoded.stream().map(e -> Embedding.from(e.vector())).toList(), new TokenUsage(pieces));
  }
}
