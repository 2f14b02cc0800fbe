package io.askhr.curation;

import io.askhr.answers.AnswerProblem;
import io.askhr.answers.ApprovedAnswer;
import io.askhr.answers.ApprovedAnswerFolder;
import io.askhr.curation.Finding.Severity;
import io.askhr.knowledge.DocumentMetadata;
import io.askhr.knowledge.IngestProblem;
import io.askhr.knowledge.KnowledgeFolder;
import io.askhr.knowledge.PolicyDocument;
import io.askhr.knowledge.SourceFile;
import io.askhr.knowledge.TextBlock;
import io.askhr.knowledge.UnreadableDocumentException;
import io.askhr.question.Citation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * HR's lint for the knowledge folder: what would make AskHR answer badly or not at all, found before employees ask.
 */
public final class KnowledgeCheck {

  /** Documents longer than this without a single heading are cited as one vague block; headings split them. */
  static final int MAX_WORDS_WITHOUT_HEADINGS = 400;
  /** Share of shared five-word sequences from which two documents are near-duplicates (copies with small edits). */
  static final double NEAR_DUPLICATE = 0.8;
  /** Shorter documents share boilerplate too easily to compare. */
  static final int MIN_WORDS_TO_COMPARE = 40;
  private static final int SHINGLE = 5;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final KnowledgeFolder folder;
  private final Set<String> knownAudiences;
  private final Clock clock;

  /** @param knownAudiences audiences of the audience map; {@code everyone} is always known */
  public KnowledgeCheck(KnowledgeFolder folder, Set<String> knownAudiences, Clock clock) {
    this.folder = folder;
    Set<String> known = new TreeSet<>();
    knownAudiences.forEach(a -> known.add(a.toLowerCase(Locale.ROOT)));
    known.add(DocumentMetadata.EVERYONE);
    this.knownAudiences = Set.copyOf(known);
    this.clock = clock;
  }

  /** The result of one check. */
  public record Result(int files, List<Finding> findings) {

    public Result {
      findings = List.copyOf(findings);
    }

    /** This result with more findings, from checks outside the knowledge folder (such as the synonyms file). */
    public Result plus(List<Finding> more) {
      List<Finding> all = new ArrayList<>(findings);
      all.addAll(more);
      return new Result(files, all);
    }

    public long count(Severity severity) {
      return findings.stream().filter(f -> f.severity() == severity).count();
    }
  }

  private record Read(SourceFile file, PolicyDocument document, Set<String> shingles) {}

  /** Checks every file; throws only when the folder itself cannot be listed. */
  public Result run() throws IOException {
    KnowledgeFolder.Listing listing = folder.list();
    List<Finding> findings = new ArrayList<>();
    for (IngestProblem problem : listing.problems()) {
      findings.add(new Finding(Severity.ERROR, problem.source(), "unreadable", problem.reason()));
    }
    LocalDate today = LocalDate.now(clock);
    List<Read> read = new ArrayList<>();
    for (SourceFile file : listing.files()) {
      PolicyDocument document;
      try {
        document = folder.read(file);
      } catch (UnreadableDocumentException e) {
        boolean metadata = e.reason().contains("front matter") || e.reason().contains("metadata file")
            || e.reason().contains("is not a date");
        findings.add(new Finding(Severity.ERROR, file.source(), metadata ? "invalid-metadata" : "unreadable",
            e.reason()));
        links(file, findings);
        continue;
      }
      metadata(file, document.metadata(), today, findings);
      url(file, document.metadata(), findings);
      headings(file, document, findings);
      links(file, findings);
      read.add(new Read(file, document, shingles(document)));
    }
    duplicates(read, findings);
    int answerFiles = approvedAnswers(today, findings);
    findings.sort(Comparator.comparing(Finding::source).thenComparing(Finding::severity)
        .thenComparing(Finding::rule));
    return new Result(listing.files().size() + listing.problems().size() + answerFiles, findings);
  }

  /** HR's approved answers: every problem keeps an answer from being given, so each is an error. */
  private int approvedAnswers(LocalDate today, List<Finding> findings) throws IOException {
    ApprovedAnswerFolder.Loaded loaded = new ApprovedAnswerFolder(folder).read(today);
    for (AnswerProblem problem : loaded.problems()) {
      findings.add(new Finding(Severity.ERROR, problem.file(), problem.rule(), problem.message()));
    }
    for (ApprovedAnswer answer : loaded.usable()) {
      for (String audience : new TreeSet<>(answer.audience())) {
        if (!knownAudiences.contains(audience)) {
          boolean noMap = knownAudiences.size() == 1;
          findings.add(new Finding(noMap ? Severity.WARNING : Severity.ERROR, answer.file(), "unknown-audience",
              "audience '" + audience + (noMap ? "' cannot be checked: no audience map is configured (AUDIENCES_FILE)"
                  : "' is not in the audience map") + "; nobody in it would receive this answer"));
        }
      }
    }
    return loaded.files();
  }

  private void metadata(SourceFile file, DocumentMetadata metadata, LocalDate today, List<Finding> findings)
      throws IOException {
    if (!declaresMetadata(file)) {
      boolean markdown = file.source().toLowerCase(Locale.ROOT).matches(".*\\.(md|markdown)$");
      findings.add(new Finding(Severity.WARNING, file.source(), "missing-metadata", markdown
          ? "no front matter: add title, audience, effective and review_by between --- lines at the top"
          : "no metadata file: add " + file.path().getFileName() + ".meta.yml with title, audience, effective and"
              + " review_by"));
    }
    for (String audience : new TreeSet<>(metadata.audience())) {
      if (knownAudiences.contains(audience)) {
        continue;
      }
      // NOTE: without a map (HR's own repository often lacks IT's file) an unknown audience is only a warning.
      findings.add(knownAudiences.size() == 1
          ? new Finding(Severity.WARNING, file.source(), "unknown-audience", "audience '" + audience + "' cannot be"
              + " checked: no audience map is configured (AUDIENCES_FILE); without one, nobody sees this document")
          : new Finding(Severity.ERROR, file.source(), "unknown-audience", "audience '" + audience
              + "' is not in the audience map (known: " + String.join(", ", new TreeSet<>(knownAudiences))
              + "): nobody would see this document"));
    }
    for (String country : new TreeSet<>(metadata.countries())) {
      if (!COUNTRIES.contains(country)) {
        findings.add(new Finding(Severity.ERROR, file.source(), "unknown-country", "'" + country + "' is not an ISO"
            + " 3166 country code (such as GB, DE, US, NO): nobody in that country would see this document"));
      }
    }
    metadata.reviewBy().filter(date -> date.isBefore(today)).ifPresent(date -> findings.add(new Finding(
        Severity.WARNING, file.source(), "review-overdue", "review_by " + date + " has passed: review the document"
            + " and set a new date")));
  }

  private static boolean declaresMetadata(SourceFile file) throws IOException {
    String name = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      String start = new String(Files.readAllBytes(file.path()), 0, (int) Math.min(8, file.sizeBytes()),
          StandardCharsets.UTF_8).replace("\uFEFF", "");
      if (start.startsWith("---")) {
        return true;
      }
    }
    return Files.isRegularFile(file.path().resolveSibling(file.path().getFileName() + ".meta.yml"));
  }

  private static void headings(SourceFile file, PolicyDocument document, List<Finding> findings) {
    if (document.blocks().stream().anyMatch(TextBlock::isHeading)) {
      return;
    }
    int words = document.blocks().stream().mapToInt(b -> words(b.text()).size()).sum();
    if (words > MAX_WORDS_WITHOUT_HEADINGS) {
      findings.add(new Finding(Severity.WARNING, file.source(), "no-headings", words + " words and no headings:"
          + " add a heading per topic so answers can cite the right section"));
    }
  }

  private void links(SourceFile file, List<Finding> findings) {
    List<String> targets;
    try {
      targets = Links.targets(file.path());
    } catch (IOException | RuntimeException e) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (String target : targets) {
      Path resolved = Links.resolve(folder.root(), file.path(), target);
      if (!Files.exists(resolved) && reported.add(target)) {
        findings.add(new Finding(Severity.ERROR, file.source(), "broken-link", "links to '" + target
            + "', which does not exist in the knowledge folder"));
      }
    }
  }

  private static void duplicates(List<Read> read, List<Finding> findings) {
    for (int i = 0; i < read.size(); i++) {
      for (int j = i + 1; j < read.size(); j++) {
        Read a = read.get(i);
        Read b = read.get(j);
        if (a.shingles().isEmpty() || b.shingles().isEmpty()) {
          continue;
        }
        double similarity = jaccard(a.shingles(), b.shingles());
        if (similarity >= NEAR_DUPLICATE) {
          String percent = Math.round(similarity * 100) + "%";
          findings.add(new Finding(Severity.WARNING, a.file().source(), "near-duplicate", percent
              + " the same text as " + b.file().source() + ": keep one, or make the difference clear"));
          findings.add(new Finding(Severity.WARNING, b.file().source(), "near-duplicate", percent
              + " the same text as " + a.file().source() + ": keep one, or make the difference clear"));
        }
      }
    }
  }

  private static Set<String> shingles(PolicyDocument document) {
    List<String> words = new ArrayList<>();
    document.blocks().forEach(b -> words.addAll(words(b.text())));
    if (words.size() < MIN_WORDS_TO_COMPARE) {
      return Set.of();
    }
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
    }
    return shingles;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    long shared = smaller.stream().filter(larger::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** A document's url becomes a link in every chat: only a plain web address may (never javascript:, never markup). */
  private static void url(SourceFile file, DocumentMetadata metadata, List<Finding> findings) {
    metadata.url().filter(url -> !Citation.isWebLink(url)).ifPresent(url -> findings.add(new Finding(Severity.ERROR,
        file.source(), "invalid-url", "url must be an https: (or http:) address such as"
            + " https://intranet.example.com/policies/leave, got '" + url + "'")));
  }
}
