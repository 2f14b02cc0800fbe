package io.askhr;

import io.askhr.config.Settings;
import io.askhr.eval.GoldQuestion;
import io.askhr.eval.GoldSet;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr bench}: indexing time (cold and unchanged), search latency and heap, printed as figures. */
@Command(name = "bench", description = "Measure indexing time, search latency and heap on a knowledge folder.")
final class BenchCommand implements Callable<Integer> {

  private static final List<String> DEFAULT_QUERIES = List.of(
      "How is severance calculated?", "How many days of annual leave do I get?", "What happens if my job is automated?",
      "Can I work from another country?", "How do I report harassment?", "When is the annual pay review?",
      "parental leave for part-time staff", "hiring freeze exceptions", "how are people selected for redundancy",
      "what does the health plan cover");

  @Mixin FolderOptions folders;

  @Option(names = "--questions", paramLabel = "FILE", description = "JSONL gold set whose questions are the queries")
  Path questions;

  @Option(names = "--searches", defaultValue = "1000", description = "Timed searches after warm-up (default 1000)")
  int searches;

  /** Searches run before timing: the JIT needs a few hundred to compile the hot paths of Lucene and ONNX. */
  private static final int WARM_UP = 500;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> queries = questions == null
        ? DEFAULT_QUERIES
        : GoldSet.read(questions).stream().map(GoldQuestion::question).toList();
    Path index = Files.createTempDirectory("askhr-bench-index");
    try {
      Settings settings = folders.settings(Optional.of(index));
      out.printf(Locale.ROOT, "Knowledge: %s  (model: %s, cores: %d, load average: %.1f, max heap: %d MB)%n",
          settings.knowledgeDir(), settings.embedding().model(), Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
      try (Engine engine = Engine.open(settings)) {
        IndexReport cold = engine.refresh();
        out.printf(Locale.ROOT, "cold index:      %6.2f s  (%d files, %d passages embedded, %d skipped)%n",
            seconds(cold), cold.files(), cold.embedded(), cold.problems().size());
        IndexReport again = engine.refresh();
        out.printf(Locale.ROOT, "unchanged index: %6.2f s  (%d passages embedded)%n", seconds(again), again.embedded());
        PolicySearcher searcher = engine.searcher();
        for (int i = 0; i < WARM_UP; i++) {
          searcher.search(queries.get(i % queries.size()), Scope.everyone(), 10);
        }
        // A new question: its vector is not remembered, so the query embedding is part of the time.
        List<Long> nanos = timed(queries, engine::forgetQueryVectors, q -> searcher.search(q, Scope.everyone(), 10));
        out.printf(Locale.ROOT, "search, new question (%d, after %d warm-up): p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
            searches, WARM_UP, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99));
        List<Long> repeated = timed(queries, () -> {}, q -> searcher.search(q, Scope.everyone(), 10));
        out.printf(Locale.ROOT, "search, repeated question (vector remembered): p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
            millis(repeated, 0.50), millis(repeated, 0.95), millis(repeated, 0.99));
        List<Long> embedNanos = timed(queries, engine::forgetQueryVectors, q -> engine.embeddings().embed(q));
        out.printf(Locale.ROOT, "  of which query embedding: p50 %.1f ms  p95 %.1f ms%n", millis(embedNanos, 0.50),
            millis(embedNanos, 0.95));
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "heap after GC with index open: %d MB%n", used >> 20);
      }
    } finally {
      deleteTree(index);
    }
    out.flush();
    return 0;
  }

  /** {@link #searches} timed calls over the queries in turn, {@code before} each outside the timing; sorted. */
  private List<Long> timed(List<String> queries, Runnable before, Consumer<String> call) {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < searches; i++) {
      before.run();
      long start = System.nanoTime();
      call.accept(queries.get(i % queries.size()));
      nanos.add(System.nanoTime() - start);
    }
    nanos.sort(Long::compare);
    return nanos;
  }

  private static double seconds(IndexReport report) {
    return report.took().toMillis() / 1000.0;
  }

  private static double millis(List<Long> sorted, double p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1_000_000.0;
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
