package io.askhr.answers;

import io.askhr.knowledge.DocumentMetadata;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PolicyDocument;
import io.askhr.knowledge.SourceFile;
import io.askhr.knowledge.StrictYaml;
import io.askhr.knowledge.UnreadableDocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads HR's approved answers from {@code answers/} in the knowledge folder and says which can be given. An answer
 * with any problem (bad front matter, a source that does not exist or is narrower in audience, a passed review date,
 * a phrasing another answer claims too) is not given: retrieval answers instead, and {@code askhr check} says why.
 */
public final class ApprovedAnswerFolder {

  /** The sub-folder of the knowledge folder that holds approved answers; the policy index skips it. */
  public static final String FOLDER = KnowledgeFolder.APPROVED_ANSWERS;

  private final KnowledgeFolder policies;

  public ApprovedAnswerFolder(KnowledgeFolder policies) {
    this.policies = policies;
  }

  /**
   * What was read.
   *
   * @param usable answers without problems, to be given verbatim
   * @param files how many answer files were found
   */
  public record Loaded(List<ApprovedAnswer> usable, List<AnswerProblem> problems, int files) {

    public Loaded {
      usable = List.copyOf(usable);
      problems = List.copyOf(problems);
    }

    public static Loaded empty() {
      return new Loaded(List.of(), List.of(), 0);
    }
  }

  /** Reads every {@code answers/*.md}; {@code today} decides which review dates have passed. */
  public Loaded read(LocalDate today) throws IOException {
    Path dir = policies.root().resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      return Loaded.empty();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.md")) {
      stream.forEach(p -> {
        if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
          files.add(p);
        }
      });
    }
    files.sort(null);
    Map<String, SourceFile> listed = new HashMap<>();
    policies.list().files().forEach(f -> listed.put(f.source(), f));
    Map<String, Optional<DocumentMetadata>> metadata = new HashMap<>();

    List<ApprovedAnswer> parsed = new ArrayList<>();
    List<AnswerProblem> problems = new ArrayList<>();
    for (Path path : files) {
      String file = FOLDER + "/" + path.getFileName();
      try {
        ApprovedAnswer answer = parse(file, Files.readString(path, StandardCharsets.UTF_8), listed, metadata);
        List<AnswerProblem> own = new ArrayList<>();
        if (answer.reviewBy().isBefore(today)) {
          own.add(new AnswerProblem(file, "answer-review-expired", "review_by " + answer.reviewBy()
              + " has passed, so the answer is no longer given: review it and set a new date"));
        }
        problems.addAll(own);
        if (own.isEmpty()) {
          parsed.add(answer);
        }
      } catch (InvalidAnswer e) {
        problems.addAll(e.problems);
      } catch (IOException e) {
        problems.add(new AnswerProblem(file, "invalid-answer", "cannot be read (" + e.getClass().getSimpleName()
            + ")"));
      }
    }
    List<ApprovedAnswer> usable = withoutSharedQuestions(parsed, problems);
    problems.sort(java.util.Comparator.comparing(AnswerProblem::file).thenComparing(AnswerProblem::rule));
    return new Loaded(usable, problems, files.size());
  }

  /** Two answers claiming one phrasing would make the reply depend on file order: neither is given. */
  private static List<ApprovedAnswer> withoutSharedQuestions(List<ApprovedAnswer> answers,
      List<AnswerProblem> problems) {
    Map<String, Set<String>> claims = new TreeMap<>();
    for (ApprovedAnswer answer : answers) {
      for (String question : answer.questions()) {
        claims.computeIfAbsent(normalise(question), q -> new LinkedHashSet<>()).add(answer.file());
      }
    }
    Set<String> clashing = new LinkedHashSet<>();
    claims.forEach((question, owners) -> {
      if (owners.size() > 1) {
        for (String owner : owners) {
          List<String> others = owners.stream().filter(o -> !o.equals(owner)).toList();
          problems.add(new AnswerProblem(owner, "answer-duplicate-question", "the question \"" + question
              + "\" is also claimed by " + String.join(", ", others) + ": keep it in one answer"));
        }
        clashing.addAll(owners);
      }
    });
    return answers.stream().filter(a -> !clashing.contains(a.file())).toList();
  }

  /** Case, spacing and punctuation do not make two phrasings different. */
  static String normalise(String question) {
    return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private ApprovedAnswer parse(String file, String content, Map<String, SourceFile> policyFiles,
      Map<String, Optional<DocumentMetadata>> metadata) throws InvalidAnswer {
    List<AnswerProblem> problems = new ArrayList<>();
    String[] lines = content.replace("\uFEFF", "").split("\r?\n", -1);
    int end = -1;
    if (lines.length > 0 && lines[0].strip().equals("---")) {
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].strip().equals("---")) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) {
      throw new InvalidAnswer(new AnswerProblem(file, "invalid-answer",
          "no front matter: start the file with questions, owner, effective, review_by, audience and sources"
              + " between --- lines"));
    }
    Map<?, ?> fields;
    try {
      // Strict as policy front matter: an audience named twice is an error, not the later one silently winning.
      Object yaml = StrictYaml.create(true).load(String.join("\n", List.of(lines).subList(1, end)));
      fields = yaml instanceof Map<?, ?> map ? map : Map.of();
    } catch (MarkedYAMLException e) {
      // Line 1 of the file is the opening ---.
      String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 2);
      throw new InvalidAnswer(new AnswerProblem(file, "invalid-answer", "front matter is not valid YAML" + where
          + (e.getProblem() == null ? "" : ": " + e.getProblem())));
    } catch (YAMLException e) {
      throw new InvalidAnswer(new AnswerProblem(file, "invalid-answer", "front matter is not valid YAML"));
    }
    String text = String.join("\n", List.of(lines).subList(end + 1, lines.length)).strip();
    List<String> questions = strings(fields.get("questions"));
    List<String> sourceNames = strings(fields.get("sources"));
    Set<String> audience = new LinkedHashSet<>();
    for (String listed : strings(fields.get("audience"))) {
      for (String part : listed.split(",")) {
        if (!part.isBlank()) {
          audience.add(part.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    Optional<String> owner = strings(fields.get("owner")).stream().findFirst();
    Optional<LocalDate> effective = date(fields.get("effective"), "effective", file, problems);
    Optional<LocalDate> reviewBy = date(fields.get("review_by"), "review_by", file, problems);
    require(!questions.isEmpty(), file, "'questions' lists no phrasing", problems);
    require(owner.isPresent(), file, "'owner' is missing", problems);
    require(audience.size() > 0, file, "'audience' is missing: say who may receive this answer (e.g. everyone)",
        problems);
    require(!sourceNames.isEmpty(), file, "'sources' lists no policy: name the files the answer relies on",
        problems);
    require(!text.isEmpty(), file, "the answer text (below the front matter) is empty", problems);
    // StrictYaml has no booleans: the words themselves, and anything else is a mistake to report, not a guess.
    String quotePolicy = String.valueOf(fields.containsKey("quote_policy") ? fields.get("quote_policy") : "true")
        .strip().toLowerCase(Locale.ROOT);
    require(quotePolicy.equals("true") || quotePolicy.equals("false"), file, "'quote_policy' must be true or false",
        problems);

    List<ApprovedAnswer.Source> sources = new ArrayList<>();
    for (String name : sourceNames) {
      SourceFile source = name.startsWith(FOLDER + "/") ? null : policyFiles.get(name);
      Optional<DocumentMetadata> read = source == null ? Optional.empty()
          : metadata.computeIfAbsent(name, n -> read(source));
      if (read.isEmpty()) {
        problems.add(new AnswerProblem(file, "answer-source-missing", "source '" + name + "' is not a readable"
            + " policy in the knowledge folder (paths are relative to it, e.g. roles/hiring-freeze.md)"));
        continue;
      }
      DocumentMetadata policy = read.get();
      if (!policy.audience().contains(DocumentMetadata.EVERYONE) && !policy.audience().containsAll(audience)) {
        problems.add(new AnswerProblem(file, "answer-source-audience", "source '" + name + "' is only for "
            + String.join(", ", policy.audience()) + ", but the answer is for " + String.join(", ", audience)));
      }
      sources.add(new ApprovedAnswer.Source(name, policy.title(), policy.effective(), policy.url()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnswer(problems);
    }
    return new ApprovedAnswer(file, questions, owner.get(), effective.get(), reviewBy.get(), audience, sources, text,
        quotePolicy.equals("true"));
  }

  private Optional<DocumentMetadata> read(SourceFile source) {
    try {
      PolicyDocument document = policies.read(source);
      return Optional.of(document.metadata());
    } catch (UnreadableDocumentException e) {
      return Optional.empty();
    }
  }

  private static void require(boolean ok, String file, String message, List<AnswerProblem> problems) {
    if (!ok) {
      problems.add(new AnswerProblem(file, "invalid-answer", message));
    }
  }

  private static Optional<LocalDate> date(Object value, String key, String file, List<AnswerProblem> problems) {
    // SnakeYAML reads an unquoted 2026-03-01 as a Date at UTC midnight; a quoted one stays a String.
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }
    try {
      if (value != null && !(value instanceof Collection) && !(value instanceof Map)) {
        return Optional.of(LocalDate.parse(String.valueOf(value).strip()));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(new AnswerProblem(file, "invalid-answer", "'" + key + "' is missing or not a date (YYYY-MM-DD)"));
    return Optional.empty();
  }

  /** A YAML list or a single value, as non-blank strings. */
  private static List<String> strings(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      items.stream().filter(i -> i != null && !(i instanceof Map) && !(i instanceof Collection))
          .map(i -> String.valueOf(i).strip()).filter(s -> !s.isEmpty()).forEach(values::add);
    } else if (value != null && !(value instanceof Map)) {
      String s = String.valueOf(value).strip();
      if (!s.isEmpty()) {
        values.add(s);
      }
    }
    return values;
  }

  private static final class InvalidAnswer extends Exception {
    private final List<AnswerProblem> problems;

    InvalidAnswer(AnswerProblem problem) {
      this(List.of(problem));
    }

    InvalidAnswer(List<AnswerProblem> problems) {
      super(problems.get(0).message(), null, false, false);
      this.problems = List.copyOf(problems);
    }
  }
}
