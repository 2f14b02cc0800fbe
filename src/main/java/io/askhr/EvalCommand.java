package io.askhr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.askhr.eval.AnswerCase;
import io.askhr.eval.AnswerEval;
import io.askhr.eval.EvalReport;
import io.askhr.eval.GoldQuestion;
import io.askhr.eval.GoldSet;
import io.askhr.eval.RetrievalEval;
import io.askhr.eval.Split;
import io.askhr.eval.SplitReport;
import io.askhr.retrieval.FusionWeights;
import io.askhr.retrieval.IndexReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr eval}: retrieval metrics over JSONL gold sets, dev and held-out halves side by side. */
@Command(name = "eval", description = "Measure retrieval over gold question sets (JSONL): dev and held-out halves.")
final class EvalCommand implements Callable<Integer> {

  @Mixin FolderOptions folders;

  @Option(names = "--questions", required = true, paramLabel = "FILE",
      description = "JSONL gold set; repeat to measure several files as one set")
  List<Path> questions;

  @Option(names = "--k", defaultValue = "10", description = "How many passages to retrieve (default 10)")
  int k;

  @Option(names = "--json", description = "Print the figures as JSON")
  boolean json;

  @Option(names = "--ranking",
      description = "Also measure the plain recipes in the same run: BM25 alone, vectors alone, and RRF of the two")
  boolean ranking;

  @Option(names = "--fusion", paramLabel = "METHOD", description = "Hybrid fusion to measure: SCORE or RRF (default: the built-in)")
  FusionWeights.Method fusion;

  @Option(names = "--lexical-weight", paramLabel = "W", description = "BM25 share of the hybrid, 0..1 (vectors get 1-W)")
  Double lexicalWeight;

  @Option(names = "--title-boost", paramLabel = "B", description = "BM25 boost of titles (default: the built-in)")
  Float titleBoost;

  @Option(names = "--synonym-boost", paramLabel = "B", description = "BM25 boost of synonym words, 0 = off (default: the built-in)")
  Float synonymBoost;

  @Option(names = "--verbose", description = "Print each question's half, rank and best similarity")
  boolean verbose;

  @Option(names = "--answers", description = "Run the whole answer path: facts stated, declined and hedged, per half")
  boolean answers;

  @Option(names = "--dev-only",
      description = "Print the dev half alone, no held-out figure or question: for choosing weights and thresholds")
  boolean devOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<GoldQuestion> gold = new ArrayList<>();
    for (Path file : questions) {
      gold.addAll(GoldSet.read(file));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = Engine.open(folders.settings())) {
      IndexReport indexed = engine.refresh();
      if (answers) {
        return answers(engine, out);
      }
      double threshold = engine.settings().answers().minSimilarity();
      double confident = engine.settings().answers().confidentSimilarity();
      Map<String, SplitReport> reports = new LinkedHashMap<>();
      for (Map.Entry<String, FusionWeights> recipe : recipes().entrySet()) {
        boolean first = reports.isEmpty();
        RetrievalEval eval = new RetrievalEval(engine.searcher().withWeights(recipe.getValue()), threshold, confident);
        reports.put(recipe.getKey(), eval.runSplit(gold, k, outcome -> {
          if (verbose && first && (!devOnly || outcome.question().split() == Split.DEV)) {
            printOutcome(out, outcome);
          }
        }));
      }
      if (json) {
        Map<String, Object> shown = new LinkedHashMap<>();
        reports.forEach((name, report) -> shown.put(name, devOnly ? Map.of("dev", report.dev()) : report));
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(shown));
      } else {
        long dev = gold.stream().filter(q -> q.split() == Split.DEV).count();
        String halves = devOnly ? String.format(Locale.ROOT, "%d dev shown", dev)
            : String.format(Locale.ROOT, "%d dev, %d held-out", dev, gold.size() - dev);
        out.printf(Locale.ROOT, "Gold set: %s (%d questions: %s) over %s (%d passages), model %s%n", questions,
            gold.size(), halves, engine.settings().knowledgeDir(), indexed.passages(),
            engine.settings().embedding().model());
        printTable(out, reports, devOnly);
        if (!devOnly) {
          // Whole-set figures mix the halves.
          printOutcomes(out, reports.values().iterator().next().all(), threshold, confident);
        }
      }
      out.flush();
    }
    return 0;
  }

  /** AskHR's hybrid (with any weights given on the command line), then the plain recipes when asked. */
  private Map<String, FusionWeights> recipes() {
    FusionWeights d = FusionWeights.DEFAULT;
    FusionWeights hybrid = d.with(fusion == null ? d.method() : fusion,
            lexicalWeight == null ? d.lexical() : lexicalWeight, lexicalWeight == null ? d.vector() : 1 - lexicalWeight)
        .withBoosts(titleBoost == null ? d.titleBoost() : titleBoost, d.headingBoost(),
            synonymBoost == null ? d.synonymBoost() : synonymBoost);
    Map<String, FusionWeights> recipes = new LinkedHashMap<>();
    recipes.put("AskHR hybrid", hybrid);
    if (ranking) {
      recipes.put("BM25 alone", FusionWeights.plainBm25());
      recipes.put("vectors alone", FusionWeights.plainVector());
      recipes.put("RRF BM25+vectors", FusionWeights.plainRrf());
    }
    return recipes;
  }

  private static void printTable(PrintWriter out, Map<String, SplitReport> reports, boolean devOnly) {
    SplitReport any = reports.values().iterator().next();
    String held = devOnly ? "" : String.format(Locale.ROOT, " | %-26s",
        "held-out (" + any.heldOut().answerable() + " with sources)");
    out.printf(Locale.ROOT, "%-18s | %-26s%s%n", "", "dev (" + any.dev().answerable() + " with sources)", held);
    out.printf(Locale.ROOT, "%-18s | %-26s%s%n", "ranking", "hit@1  hit@5  MRR@10",
        devOnly ? "" : " | hit@1  hit@5  MRR@10");
    for (Map.Entry<String, SplitReport> row : reports.entrySet()) {
      out.printf(Locale.ROOT, "%-18s | %s%s%n", row.getKey(), figures(row.getValue().dev()),
          devOnly ? "" : " | " + figures(row.getValue().heldOut()));
    }
  }

  private static String figures(EvalReport r) {
    return String.format(Locale.ROOT, "%.3f  %.3f  %.3f     ", r.hitAt1(), r.hitAt5(), r.mrrAt10());
  }

  private static void printOutcomes(PrintWriter out, EvalReport all, double threshold, double confident) {
    out.printf(Locale.ROOT, "AskHR hybrid, whole set: hit@10 %.3f; search latency p50 %.1f ms  p95 %.1f ms%n",
        all.hitAt10(), all.searchP50Millis(), all.searchP95Millis());
    // The reply's answer / hedge / not-covered decision weighs more than the top similarity (question/AnswerDecision):
    // eval --answers measures it. These bands say only how the similarity alone spreads.
    out.printf(Locale.ROOT, "top similarity alone under %.2f: %d of %d answerable; %d of %d without sources"
        + " (the reply's decision: eval --answers)%n",
        threshold, all.answerableNotCovered(), all.answerable(), all.unanswerableNotCovered(), all.unanswerable());
    out.printf(Locale.ROOT, "top similarity alone %.2f to %.2f: %d answerable; %d without sources%n", threshold,
        confident, all.answerableHedged(), all.unanswerableHedged());
  }

  private static void printOutcome(PrintWriter out, RetrievalEval.Outcome outcome) {
    GoldQuestion q = outcome.question();
    out.printf(Locale.ROOT, "%-7s rank %2d  sim %.3f  %s%n", q.split().name().toLowerCase(Locale.ROOT),
        outcome.firstCorrectRank(), outcome.bestSimilarity(), q.question());
    if (outcome.firstCorrectRank() != 1 && !q.sources().isEmpty()) {
      out.printf("         gold %s%n         top  %s%n", q.sources(), outcome.top());
    }
  }

  private int answers(Engine engine, PrintWriter out) throws java.io.IOException {
    List<AnswerCase> gold = new java.util.ArrayList<>();
    for (Path file : questions) {
      gold.addAll(AnswerCase.read(file));
    }
    out.printf(Locale.ROOT, "Gold set: %s (%d questions) through the answer path (%s drafting)%n", questions,
        gold.size(), engine.settings().llm().isPresent() ? "LLM" : "extractive");
    AnswerEval.print(new AnswerEval(engine.handler()).run(gold, o -> {
      if (verbose && (!devOnly || o.gold().half() == Split.DEV)) {
        AnswerEval.printMiss(o, out);
      }
    }), out, devOnly);
    out.flush();
    return 0;
  }
}
