package io.askhr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.askhr.eval.AnswerCase;
import io.askhr.eval.AnswerEval;
import io.askhr.eval.EvalReport;
import io.askhr.eval.GoldQuestion;
import io.askhr.eval.GoldSet;
import io.askhr.eval.RetrievalEval;
import io.askhr.retrieval.FusionWeights;
import io.askhr.retrieval.IndexReport;
import io.askhr.retrieval.PolicySearcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr eval}: retrieval metrics over a JSONL gold set. */
@Command(name = "eval", description = "Measure retrieval over a gold question set (JSONL).")
final class EvalCommand implements Callable<Integer> {

  /** Which rankings to use; the others exist to measure what the hybrid adds. */
  enum Ranking { hybrid, bm25, vector }

  @Mixin FolderOptions folders;

  @Option(names = "--questions", required = true, paramLabel = "FILE", description = "JSONL gold set")
  Path questions;

  @Option(names = "--k", defaultValue = "10", description = "How many passages to retrieve (default 10)")
  int k;

  @Option(names = "--json", description = "Print the figures as JSON")
  boolean json;

  @Option(names = "--ranking", defaultValue = "hybrid", description = "hybrid (default), bm25 or vector")
  Ranking ranking;

  @Option(names = "--fusion", paramLabel = "METHOD", description = "Hybrid fusion to measure: SCORE or RRF (default: the built-in)")
  FusionWeights.Method fusion;

  @Option(names = "--lexical-weight", paramLabel = "W", description = "BM25 share of the hybrid, 0..1 (vectors get 1-W)")
  Double lexicalWeight;

  @Option(names = "--verbose", description = "Print each question's rank and best similarity")
  boolean verbose;

  @Option(names = "--answers", description = "Run the whole answer path: facts stated, declined and hedged, per half")
  boolean answers;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<GoldQuestion> gold = GoldSet.read(questions);
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = Engine.open(folders.settings())) {
      IndexReport indexed = engine.refresh();
      if (answers) {
        return answers(engine, out);
      }
      double lexical = lexicalWeight == null ? FusionWeights.DEFAULT.lexical() : lexicalWeight;
      FusionWeights hybrid = FusionWeights.DEFAULT.with(
          fusion == null ? FusionWeights.DEFAULT.method() : fusion, lexical, 1 - lexical);
      PolicySearcher searcher = switch (ranking) {
        case hybrid -> engine.searcher().withWeights(hybrid);
        case bm25 -> engine.searcher().withWeights(FusionWeights.lexicalOnly());
        case vector -> engine.searcher().withWeights(FusionWeights.vectorOnly());
      };
      double threshold = engine.settings().answers().minSimilarity();
      double confident = engine.settings().answers().confidentSimilarity();
      EvalReport report = new RetrievalEval(searcher, threshold, confident).run(gold, k, outcome -> {
        if (verbose) {
          out.printf(Locale.ROOT, "rank %2d  sim %.3f  %s%n", outcome.firstCorrectRank(), outcome.bestSimilarity(),
              outcome.question().question());
          if (outcome.firstCorrectRank() != 1 && !outcome.question().sources().isEmpty()) {
            out.printf("         gold %s%n         top  %s%n", outcome.question().sources(), outcome.top());
          }
        }
      });
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      } else {
        out.printf(Locale.ROOT, "Gold set: %s (%d questions, %d with sources) over %s (%d passages), ranking %s%n",
            questions, gold.size(), report.answerable(), engine.settings().knowledgeDir(), indexed.passages(), ranking);
        out.printf(Locale.ROOT, "hit@1 %.3f   hit@5 %.3f   hit@10 %.3f   MRR@10 %.3f%n",
            report.hitAt1(), report.hitAt5(), report.hitAt10(), report.mrrAt10());
        out.printf(Locale.ROOT, "search latency p50 %.1f ms   p95 %.1f ms%n", report.searchP50Millis(),
            report.searchP95Millis());
        out.printf(Locale.ROOT, "\"not covered\" (best similarity < %.2f): %d of %d answerable; %d of %d without sources%n",
            threshold, report.answerableNotCovered(), report.answerable(), report.unanswerableNotCovered(),
            report.unanswerable());
        out.printf(Locale.ROOT, "hedged (%.2f to %.2f, extractive mode says \"closest passages\"): %d answerable; %d without"
            + " sources%n", threshold, confident, report.answerableHedged(), report.unanswerableHedged());
      }
      out.flush();
    }
    return 0;
  }

  private int answers(Engine engine, PrintWriter out) throws java.io.IOException {
    List<AnswerCase> gold = AnswerCase.read(questions);
    out.printf(Locale.ROOT, "Gold set: %s (%d questions) through the answer path (%s drafting)%n", questions,
        gold.size(), engine.settings().llm().isPresent() ? "LLM" : "extractive");
    AnswerEval.print(new AnswerEval(engine.handler()).run(gold, o -> {
      if (verbose) {
        AnswerEval.printMiss(o, out);
      }
    }), out);
    out.flush();
    return 0;
  }
}
