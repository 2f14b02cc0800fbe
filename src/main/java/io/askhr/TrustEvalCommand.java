package io.askhr;

import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.config.Settings;
import io.askhr.eval.ApprovedEval;
import io.askhr.eval.LabelledQuestions;
import io.askhr.eval.SensitiveEval;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.question.ApprovedAnswers;
import io.askhr.question.SensitiveClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code askhr eval-trust}: how well sensitive questions are recognised and approved answers are matched. */
@Command(name = "eval-trust", description = "Measure sensitive-question recognition (precision, recall) and"
    + " approved-answer matching on labelled JSONL sets, per dev and held-out half.")
final class TrustEvalCommand implements Callable<Integer> {

  @Mixin FolderOptions folders;

  @Option(names = "--sensitive", paramLabel = "FILE",
      description = "JSONL: {\"question\", \"sensitive\": true|false, \"split\"}; uses bot/sensitive.yml")
  Path sensitive;

  @Option(names = "--approved", paramLabel = "FILE",
      description = "JSONL: {\"question\", \"answer\": \"answers/FILE.md\"|null, \"audiences\": [...], \"split\"}")
  Path approved;

  @Option(names = "--dev-only",
      description = "Print the dev half alone, no held-out figure: for choosing thresholds")
  boolean devOnly;

  @Option(names = "--verbose", description = "Print each dev-half mistake at the configured thresholds")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (sensitive == null && approved == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --sensitive FILE, --approved FILE"
          + " or both");
    }
    PrintWriter out = spec.commandLine().getOut();
    var embeddings = Engine.localEmbedder();
    if (sensitive != null) {
      sensitive(out, SensitiveClassifier.shipped(embeddings));
    }
    if (approved != null) {
      Settings settings = folders.settings();
      KnowledgeFolder folder = new KnowledgeFolder(settings.knowledgeDir(), settings.maxFileBytes());
      approved(out, ApprovedAnswers.load(new ApprovedAnswerFolder(folder), embeddings, Clock.systemUTC()));
    }
    out.flush();
    return 0;
  }

  private void sensitive(PrintWriter out, SensitiveClassifier classifier) throws IOException {
    List<LabelledQuestions.Labelled> records = LabelledQuestions.read(sensitive);
    Set<String> examples = examples();
    for (LabelledQuestions.Labelled r : records) {
      if (examples.contains(r.question().strip().toLowerCase(Locale.ROOT))) {
        throw new IOException(sensitive + ": \"" + r.question() + "\" is also an example in bot/sensitive.yml;"
            + " a question measured must not be one tuned on");
      }
    }
    List<SensitiveEval.Scored> scored = SensitiveEval.score(classifier, records);
    double t = classifier.threshold();
    double m = classifier.margin();
    out.printf(Locale.ROOT, "Sensitive questions: %s (%d questions)%n", sensitive, records.size());
    row(out, "rules only", scored, v -> !v.ruleTopics().isEmpty());
    row(out, String.format(Locale.ROOT, "examples only (%.2f, %.3f)", t, m), scored, v -> v.byExamples(t, m));
    row(out, String.format(Locale.ROOT, "rules or examples (%.2f, %.3f)", t, m), scored, v -> v.flagged(t, m));
    SensitiveEval.Choice choice = SensitiveEval.choose(scored);
    out.printf(Locale.ROOT, "dev suggests threshold %.2f, ordinary_margin %.3f%n", choice.threshold(),
        choice.margin());
    row(out, "rules or examples (suggested)", scored, v -> v.flagged(choice.threshold(), choice.margin()));
    if (verbose) {
      for (SensitiveEval.Scored s : scored) {
        // Only the dev half: looking at held-out mistakes would be tuning on them.
        if (s.dev() && s.verdict().flagged(t, m) != s.sensitive()) {
          out.printf(Locale.ROOT, "  %-6s %s sens %.3f (%s) ord %.3f  %s%n", s.sensitive() ? "missed" : "false",
              s.verdict().personal() ? "personal" : "general ", s.verdict().sensitive(), s.verdict().nearestTopic(),
              s.verdict().ordinary(), s.question());
        }
      }
    }
  }

  private void row(PrintWriter out, String label, List<SensitiveEval.Scored> scored,
      Predicate<SensitiveClassifier.Verdict> flags) {
    SensitiveEval.Figures dev = SensitiveEval.figures(scored, true, flags);
    SensitiveEval.Figures held = SensitiveEval.figures(scored, false, flags);
    out.printf(Locale.ROOT, "%-34s dev P %.3f R %.3f (tp %d fp %d fn %d)%s%n", label, dev.precision(), dev.recall(),
        dev.truePositives(), dev.falsePositives(), dev.falseNegatives(), devOnly ? ""
            : String.format(Locale.ROOT, "   held-out P %.3f R %.3f (tp %d fp %d fn %d)", held.precision(),
                held.recall(), held.truePositives(), held.falsePositives(), held.falseNegatives()));
  }

  private static Set<String> examples() throws IOException {
    Set<String> all = new HashSet<>();
    try (InputStream in = Files.isRegularFile(SensitiveClassifier.FILE) ? Files.newInputStream(SensitiveClassifier.FILE)
        : TrustEvalCommand.class.getClassLoader().getResourceAsStream("sensitive.yml")) {
      if (in != null) {
        SensitiveClassifier.exampleQuestions(in).forEach(q -> all.add(q.strip().toLowerCase(Locale.ROOT)));
      }
    }
    return all;
  }

  private void approved(PrintWriter out, ApprovedAnswers answers) throws IOException {
    List<LabelledQuestions.Labelled> records = LabelledQuestions.read(approved);
    List<ApprovedEval.Scored> scored = ApprovedEval.score(answers, records);
    out.printf(Locale.ROOT, "Approved answers: %s (%d questions)%n", approved, records.size());
    approvedRow(out, scored, "configured", ApprovedAnswers.MIN_SIMILARITY);
    approvedRow(out, scored, "dev suggests", ApprovedEval.choose(scored));
    if (verbose) {
      for (ApprovedEval.Scored s : scored) {
        if (!s.dev()) {
          continue;
        }
        out.printf(Locale.ROOT, "  %-7s %.3f %-45s expected %-45s %s%n", s.dev() ? "dev" : "heldout",
            s.closest().map(c -> c.similarity()).orElse(0.0),
            s.closest().map(c -> c.answer().file()).orElse("-"), s.expected().orElse("-"), s.question());
      }
    }
  }

  private void approvedRow(PrintWriter out, List<ApprovedEval.Scored> scored, String label, double threshold) {
    ApprovedEval.Figures dev = ApprovedEval.figures(scored, true, threshold);
    ApprovedEval.Figures held = ApprovedEval.figures(scored, false, threshold);
    out.printf(Locale.ROOT, "threshold %.2f (%s)  dev right %d missed %d wrong %d none-ok %d%s%n", threshold, label,
        dev.right(), dev.missed(), dev.wrong(), dev.rightlyNone(), devOnly ? ""
            : String.format(Locale.ROOT, "   held-out right %d missed %d wrong %d none-ok %d", held.right(),
                held.missed(), held.wrong(), held.rightlyNone()));
  }
}
