package io.askhr.drafting;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.PolicyEmbedder;
import io.askhr.retrieval.Synonyms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The answer without a language model, built from the best section: the sentence that answers first, then the one or
 * two sentences around it that it needs, quoted word for word under the section's name with its citation. Headings,
 * question-shaped lines, table headers and navigation are never quoted; table rows arrive labelled with their column
 * names from the readers, so a quoted row says what its figures are.
 */
public final class ExtractiveDrafter implements AnswerDrafter {

  /** Sentences are taken from the few best passages only: lower-ranked ones add noise more often than answers. */
  private static final int PASSAGES_CONSIDERED = 6;
  /** Keep the quote short enough to read in a chat window. */
  private static final int MAX_UNITS = 4;
  private static final int MAX_WORDS = 120;
  /**
   * A quoted row of a table this small brings its other rows, after the lines already quoted and in table order: 3 and
   * 4 gave the same dev figure (161 of 186), 6 one less (a longer table crowds out another section's line); the
   * smaller kept.
   */
  private static final int WHOLE_TABLE_ROWS = 3;
  /** Lines shorter than this are fragments, not answers (a short line may still be quoted as context). */
  private static final int MIN_WORDS = 4;
  /** A further sentence of the same section is quoted when it scores this close to the best one. */
  private static final double NEIGHBOUR_CUTOFF = 0.85;
  /** ... and only when it sits this close to the answer: farther lines belong to another point of the section. */
  private static final int NEIGHBOUR_DISTANCE = 3;
  /**
   * The best line of another section is added when it scores this close to the best: a two-part question, or a fact
   * that retrieval ranked below a passage that only talks about the topic (tuned on the dev halves).
   */
  private static final double OTHER_SECTION_CUTOFF = 0.84;
  /**
   * At most this many other sections are quoted, one line each, the best first; the second only from the best line's
   * own document, where the rest of an answer usually sits (another document's would mostly pad the answer).
   */
  private static final int OTHER_SECTIONS = 2;
  /** A self-description ("This page explains ...") loses to any real statement that matches about as well. */
  private static final double INTRODUCTION_PENALTY = 0.8;
  /** A line about one country ("United States: a PIP lasts 60 days") gives way to the general rule. */
  private static final double OTHER_COUNTRY_PENALTY = 0.9;
  /** A section of the country the question names counts as a heading match (the full weight of one). */
  private static final double SAME_COUNTRY_BONUS = 0.1;
  /** A worked example illustrates the rule; the rule itself answers, unless the question asks for an example. */
  private static final double EXAMPLE_PENALTY = 0.85;
  private static final Pattern EXAMPLE_HEADING = Pattern.compile("(?i)\\bexamples?\\b");
  private static final Pattern ASKS_EXAMPLE = Pattern.compile("(?i)\\b(?:examples?|for instance|e\\.g\\.)");
  /** "How long / how much / when" is answered by a line with that kind of figure, not by one naming the topic. */
  private static final double QUANTITY_BONUS = 0.06;
  /**
   * "How is ... calculated / worked out" is answered by the formula or rule, whose words rarely match the question's:
   * tried at 0, 0.06, 0.10, 0.15 and 0.20 on the dev halves (136, 136, 136, 137, 137 of 147; the one question it moved
   * is the automation dividend's pool formula), 0.15 kept.
   */
  private static final double CALCULATION_BONUS = 0.15;
  /**
   * For a line whose range of months holds the month the question names: 0.04, 0.06, 0.10, 0.15 and 0.20 were tried
   * on the dev halves (131, 132, 133, 133, 133 of 147 answers stating the fact; 130 without); 0.10 is the smallest
   * that reached the best.
   */
  private static final double MONTH_BONUS = 0.10;
  /** A "[9]" inside a policy would read as one of our citations once quoted; it is shown as "(9)". */
  private static final Pattern BRACKETED_NUMBER = Pattern.compile("\\[(\\d+)]");
  /** Opening words that point back to the sentence before, which must then be quoted too. */
  private static final Pattern ANAPHOR = Pattern.compile(
      "(?i)^(?:[-*•]\\s+)?(?:this|that|these|those|it|they|such|in (?:that|this|either) case|otherwise|however|but"
          + "|also|in addition|if so|then|the result|there)\\b");

  /** Words a question yields for matching lines: at most this many are read (a question is cut to 4,000 chars). */
  private static final int MAX_QUESTION_WORDS = 100;

  private final PolicyEmbedder embeddings;
  private final Synonyms synonyms;

  /** @param embeddings the bundled local model: the question is embedded as a query, policy lines as passages */
  public ExtractiveDrafter(PolicyEmbedder embeddings) {
    this(embeddings, Synonyms.none());
  }

  /**
   * @param synonyms HR's synonyms: a line that says "redundancy" matches a question that says "laid off" as the
   *     search does, but never scores lower than on the question's own words
   */
  public ExtractiveDrafter(PolicyEmbedder embeddings, Synonyms synonyms) {
    this.embeddings = embeddings;
    this.synonyms = synonyms;
  }

  /** One line or sentence of a passage, scored against the question. */
  private record Unit(int source, int order, String text, Sentences.Kind kind, double score) {

    int words() {
      return Sentences.wordCount(text);
    }
  }

  @Override
  public Draft draft(DraftRequest request) {
    return draft(request, Optional.empty(), MAX_WORDS);
  }

  /**
   * The best section's lines alone, about {@code maxWords} words (a small table is quoted whole): the policy's own
   * words for what the question asks beyond {@code answered}, the questions an answer beside it already answers (an
   * approved answer's phrasings). Nothing when the best line holds none of the question's words that those lack and
   * states no figure of the kind asked ("how long"): it would only sound like the question ("up to 310 roles could be
   * at risk" for "is my role at risk? heard AI is replacing my team").
   */
  public Draft bestSection(DraftRequest request, int maxWords, List<String> answered) {
    Set<String> particular = new HashSet<>(Sentences.words(request.question()));
    particular.addAll(Sentences.words(request.standaloneQuestion()));
    particular.addAll(synonyms.addedWords(request.standaloneQuestion(), MAX_QUESTION_WORDS));
    answered.forEach(a -> particular.removeAll(Sentences.words(a)));
    return draft(request, Optional.of(particular), maxWords);
  }

  /** @param bestSectionOnly present for {@link #bestSection}: the words its line must share with the question */
  private Draft draft(DraftRequest request, Optional<Set<String>> bestSectionOnly, int maxWords) {
    int passages = Math.min(PASSAGES_CONSIDERED, request.sources().size());
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < passages; i++) {
      lines.add(Sentences.split(request.sources().get(i).text()));
    }
    List<String> all = lines.stream().flatMap(List::stream).toList();
    if (all.isEmpty()) {
      return Draft.noAnswer();
    }
    Scorer scorer = new Scorer(request, lines, all);
    List<List<Unit>> sections = scorer.score(request.standaloneQuestion(), request.question());
    Optional<Unit> top = best(sections);
    if (top.isEmpty()) {
      return Draft.noAnswer();
    }
    Unit best = top.get();
    if (bestSectionOnly.isPresent() && !answersAParticular(request, best, bestSectionOnly.get())) {
      return Draft.noAnswer();
    }
    Map<Integer, List<Unit>> blocks = new LinkedHashMap<>();
    blocks.put(best.source(), compose(best, sections.get(best.source() - 1), maxWords));
    // A two-part question gets the best line for each part; one-part questions may still need a second section.
    List<String> parts = bestSectionOnly.isPresent() ? List.of() : QuestionParts.split(request.question());
    if (parts.size() > 1) {
      for (String part : parts) {
        best(scorer.score(part, part)).ifPresent(u -> addOnce(blocks, u));
      }
    } else if (bestSectionOnly.isEmpty()) {
      for (int n = 0; n < OTHER_SECTIONS; n++) {
        List<Unit> quoted = blocks.values().stream().flatMap(List::stream).toList();
        Optional<Unit> other = otherSection(best, quoted, sections, blocks.keySet());
        if (other.isEmpty() || (n > 0 && !sameDocument(request, other.get(), best))) {
          break;
        }
        addOnce(blocks, other.get());
      }
    }
    StringBuilder text = new StringBuilder();
    blocks.forEach((source, units) -> append(text, request.sources().get(source - 1), units));
    return new Draft(text.toString().strip(), List.copyOf(new TreeSet<>(blocks.keySet())), false);
  }

  /** The line holds one of the particular words, or states the kind of figure the question asks for ("how long"). */
  private static boolean answersAParticular(DraftRequest request, Unit line, Set<String> particular) {
    return Sentences.words(line.text()).stream().anyMatch(particular::contains)
        || Quantities.askedBy(request.question()).filter(q -> q.statedIn(line.text())).isPresent();
  }

  private static Optional<Unit> best(List<List<Unit>> sections) {
    return sections.stream().flatMap(List::stream)
        .filter(u -> u.kind().quotable() && u.words() >= MIN_WORDS)
        .max(Comparator.comparingDouble(Unit::score));
  }

  private static boolean sameDocument(DraftRequest request, Unit a, Unit b) {
    return request.sources().get(a.source() - 1).source().equals(request.sources().get(b.source() - 1).source());
  }

  /** Adds a line to its section's block unless it is quoted already or the quote would grow too long. */
  private static void addOnce(Map<Integer, List<Unit>> blocks, Unit unit) {
    boolean quoted = blocks.values().stream().flatMap(List::stream).anyMatch(u -> u.text().equals(unit.text()));
    int words = blocks.values().stream().flatMap(List::stream).mapToInt(Unit::words).sum();
    if (quoted || words + unit.words() > MAX_WORDS) {
      return;
    }
    blocks.computeIfAbsent(unit.source(), s -> new ArrayList<>()).add(unit);
  }

  /**
   * The answer and what it needs, answer first: the line before it when it opens by pointing back ("This ...",
   * "In that case ..."), the lines after it when it ends in a colon, then the best-scoring close neighbours.
   */
  static List<Unit> compose(Unit best, List<Unit> section, int maxWords) {
    List<Unit> quoted = new ArrayList<>();
    int at = best.order();
    if (ANAPHOR.matcher(best.text()).find()) {
      quotablePrevious(section, at).ifPresent(quoted::add);
    }
    quoted.add(best);
    if (best.kind() == Sentences.Kind.LEAD_IN || best.text().endsWith(":")) {
      // The lines it introduces are the answer's substance (a list, table rows); take them in order.
      for (int i = at + 1; i < section.size() && quoted.size() < MAX_UNITS - 1; i++) {
        Unit next = section.get(i);
        if (!next.kind().quotable()) {
          break;
        }
        quoted.add(next);
      }
    }
    List<Unit> neighbours = section.stream()
        .filter(u -> !quoted.contains(u) && Math.abs(u.order() - at) <= NEIGHBOUR_DISTANCE)
        .filter(u -> u.kind() == Sentences.Kind.STATEMENT || u.kind() == Sentences.Kind.LEAD_IN)
        .filter(u -> u.score() >= best.score() * NEIGHBOUR_CUTOFF)
        .sorted(Comparator.comparingDouble(Unit::score).reversed())
        .toList();
    int words = quoted.stream().mapToInt(Unit::words).sum();
    List<Unit> extra = new ArrayList<>();
    for (Unit u : neighbours) {
      if (quoted.size() + extra.size() >= MAX_UNITS || words + u.words() > maxWords) {
        break;
      }
      extra.add(u);
      words += u.words();
    }
    Set<Unit> kept = new HashSet<>(addOtherRows(section, quoted, extra));
    kept.add(best);
    extra.sort(Comparator.comparingInt(Unit::order));
    quoted.addAll(extra);
    return trim(quoted, maxWords, kept);
  }

  /**
   * A quoted row of a small table brings the table's other rows: one row is read against the others (12 months in
   * full, then 50% of the difference, then the band maximum), and a quote that skips one misleads.
   *
   * @return every row of the tables quoted whole, which the word limit must not cut
   */
  private static List<Unit> addOtherRows(List<Unit> section, List<Unit> quoted, List<Unit> extra) {
    List<String> texts = section.stream().map(Unit::text).toList();
    List<Unit> chosen = new ArrayList<>(quoted);
    chosen.addAll(extra);
    List<Unit> rows = new ArrayList<>();
    for (Unit u : chosen) {
      List<Integer> table = TableRows.tableOf(texts, u.order());
      if (table.size() <= WHOLE_TABLE_ROWS) {
        table.stream().map(section::get).forEach(row -> {
          rows.add(row);
          if (!quoted.contains(row) && !extra.contains(row)) {
            extra.add(row);
          }
        });
      }
    }
    return rows;
  }

  private static Optional<Unit> quotablePrevious(List<Unit> section, int at) {
    return at > 0 && section.get(at - 1).kind().quotable() && section.get(at - 1).kind() != Sentences.Kind.INTRODUCTION
        ? Optional.of(section.get(at - 1)) : Optional.empty();
  }

  /**
   * Keeps the quote under the word limit, dropping from the end; the lines in {@code always} (the answer itself and a
   * small table quoted whole) stay even when they alone go over it.
   */
  private static List<Unit> trim(List<Unit> quoted, int maxWords, Set<Unit> always) {
    int words = always.stream().mapToInt(Unit::words).sum();
    boolean full = false;
    List<Unit> kept = new ArrayList<>();
    for (Unit u : quoted) {
      if (always.contains(u)) {
        kept.add(u);
      } else if (!full && words + u.words() <= maxWords) {
        kept.add(u);
        words += u.words();
      } else {
        full = true;
      }
    }
    return kept;
  }

  /**
   * The best line of a section not quoted yet, when it matches almost as well: the second part of a two-part question,
   * or the fact itself when the best line only names the topic.
   */
  private static Optional<Unit> otherSection(Unit best, List<Unit> quoted, List<List<Unit>> sections,
      Set<Integer> quotedSections) {
    int words = quoted.stream().mapToInt(Unit::words).sum();
    return sections.stream().flatMap(List::stream)
        .filter(u -> !quotedSections.contains(u.source()) && u.kind() == Sentences.Kind.STATEMENT)
        .filter(u -> u.words() >= MIN_WORDS)
        .filter(u -> u.score() >= best.score() * OTHER_SECTION_CUTOFF && words + u.words() <= MAX_WORDS)
        .filter(u -> quoted.stream().noneMatch(q -> q.text().equals(u.text())))
        .max(Comparator.comparingDouble(Unit::score));
  }

  private static void append(StringBuilder text, PolicyPassage passage, List<Unit> units) {
    text.append("**").append(sectionName(passage)).append("**\n");
    for (int i = 0; i < units.size(); i++) {
      text.append("> ").append(BRACKETED_NUMBER.matcher(units.get(i).text()).replaceAll("($1)"));
      text.append(i == units.size() - 1 ? " " + Draft.marker(units.get(i).source()) : "").append('\n');
    }
    text.append('\n');
  }

  /** "Title › Section", without repeating a top heading that is the title. */
  static String sectionName(PolicyPassage passage) {
    List<String> path = new ArrayList<>(passage.headingPath());
    if (!path.isEmpty() && path.get(0).equalsIgnoreCase(passage.title())) {
      path.remove(0);
    }
    path.add(0, passage.title());
    return String.join(PolicyPassage.SECTION_SEPARATOR, path);
  }

  /** Scores every line of the first passages against a question or a part of one; lines are embedded once. */
  private final class Scorer {

    private final DraftRequest request;
    private final List<List<String>> lines;
    private final Map<String, Double> idf;
    private final Map<String, Embedding> vectors;

    Scorer(DraftRequest request, List<List<String>> lines, List<String> all) {
      this.request = request;
      this.lines = lines;
      this.idf = inverseFrequencies(all);
      this.vectors = embed(all);
    }

    /**
     * @param query what the answer must match (the standalone question, or one part of it)
     * @param latest the employee's latest words: in a follow-up ("and for part-timers?") what they want to know now
     */
    List<List<Unit>> score(String query, String latest) {
      List<String> queryWords = Sentences.words(query);
      List<String> latestWords = latest.equals(query) ? queryWords : Sentences.words(latest);
      List<Concept> queryConcepts = concepts(queryWords, query);
      List<Concept> latestConcepts = latest.equals(query) ? queryConcepts : concepts(latestWords, latest);
      Embedding queryEmbedding = Embedding.from(embeddings.query(query));
      Optional<Quantities> quantity = Quantities.askedBy(latest);
      Set<Integer> months = MonthRanges.namedIn(latest);
      Optional<Integer> country = Countries.askedAbout(request.standaloneQuestion());
      boolean example = ASKS_EXAMPLE.matcher(query).find();
      List<List<Unit>> sections = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        PolicyPassage p = request.sources().get(i);
        List<String> headingWords = Sentences.words(String.join(" ", p.headingPath()));
        double sectionMatch = lexical(queryWords, latestWords, queryConcepts, latestConcepts, headingWords);
        // A small prior for the better-ranked passage breaks ties in favour of what retrieval trusted most.
        double prior = 0.02 * (PASSAGES_CONSIDERED - i);
        Optional<Integer> sectionCountry = Countries.ofSection(p.headingPath());
        double sectionFactor = 1;
        if (country.isPresent() && sectionCountry.isPresent()) {
          sectionFactor = country.equals(sectionCountry) ? 1 : OTHER_COUNTRY_PENALTY;
          prior += country.equals(sectionCountry) ? SAME_COUNTRY_BONUS : 0;
        }
        if (!example && p.headingPath().stream().anyMatch(h -> EXAMPLE_HEADING.matcher(h).find())) {
          sectionFactor *= EXAMPLE_PENALTY;
        }
        List<String> split = lines.get(i);
        List<Double> lexical = new ArrayList<>();
        for (String s : split) {
          List<String> words = Sentences.words(s);
          lexical.add(lexical(queryWords, latestWords, queryConcepts, latestConcepts, words));
        }
        List<Unit> units = new ArrayList<>();
        for (int j = 0; j < split.size(); j++) {
          String s = split.get(j);
          Sentences.Kind kind = Sentences.kind(s);
          double semantic = CosineSimilarity.between(queryEmbedding, vectors.get(s));
          // The line before or after often names the topic that the answering line only implies ("We answer within
          // 20 working days." after "Send your pay information request ...").
          double context = Math.max(j > 0 ? lexical.get(j - 1) : 0, j + 1 < split.size() ? lexical.get(j + 1) : 0);
          double score = 0.5 * semantic + 0.3 * lexical.get(j) + 0.1 * context + 0.1 * sectionMatch + prior;
          if (quantity.isPresent() && quantity.get().statedIn(s)) {
            score += quantity.get() == Quantities.CALCULATION ? CALCULATION_BONUS : QUANTITY_BONUS;
          }
          if (MonthRanges.holds(s, months)) {
            score += MONTH_BONUS;
          }
          if (kind == Sentences.Kind.INTRODUCTION) {
            score *= INTRODUCTION_PENALTY;
          } else if (Countries.otherCountryLine(s, request.standaloneQuestion())) {
            score *= OTHER_COUNTRY_PENALTY;
          }
          units.add(new Unit(i + 1, j, s, kind, score * sectionFactor));
        }
        sections.add(units);
      }
      return sections;
    }

    /**
     * How well {@code line}'s words cover the question's and the latest words', rarer words counting more; through HR's
     * synonyms if that covers more (a synonym only ever helps a line).
     */
    private double lexical(List<String> query, List<String> latest, List<Concept> queryConcepts,
        List<Concept> latestConcepts, List<String> line) {
      double own = (overlap(query, line, idf) + overlap(latest, line, idf)) / 2;
      return Math.max(own, (coverage(queryConcepts, line) + coverage(latestConcepts, line)) / 2);
    }

    /**
     * The question's words, each with the phrases HR's synonyms give it ("rif": "redundancy", "reduction in force",
     * ...); a phrase the synonyms know ("laid off", "redundancy pay") stands in for its words, with their weight; and
     * words the synonyms know that carry no content of their own ("say no"), weighted as the question's commonest word.
     */
    private List<Concept> concepts(List<String> words, String text) {
      double unseen = Math.log(1 + idf.size());
      Map<String, List<List<String>>> byWord = new LinkedHashMap<>();
      words.forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>(List.of(List.of(k)))));
      List<Concept> phrases = new ArrayList<>();
      List<List<List<String>>> fillers = new ArrayList<>();
      synonyms.alternatives(text, MAX_QUESTION_WORDS).forEach((typed, alternatives) -> {
        List<String> own = Sentences.words(typed);
        List<List<String>> given = alternatives.stream().map(Sentences::words).filter(a -> !a.isEmpty()).toList();
        if (given.isEmpty()) {
          return;
        }
        if (own.isEmpty()) {
          fillers.add(new ArrayList<>(given));
        } else if (own.size() == 1) {
          // A word inside a phrase that stands in for it ("pay" in "redundancy pay") keeps only the phrase's meaning.
          if (byWord.containsKey(own.get(0))) {
            byWord.get(own.get(0)).addAll(given);
          }
        } else if (own.stream().anyMatch(byWord::containsKey)) {
          double weight = own.stream().filter(byWord::containsKey).mapToDouble(w -> idf.getOrDefault(w, unseen)).sum();
          own.forEach(byWord::remove);
          List<List<String>> phrase = new ArrayList<>(given);
          phrase.add(own);
          phrases.add(new Concept(weight, phrase));
        }
      });
      List<Concept> concepts = new ArrayList<>();
      byWord.forEach((word, alternatives) -> concepts.add(new Concept(idf.getOrDefault(word, unseen), alternatives)));
      concepts.addAll(phrases);
      double commonest = concepts.stream().mapToDouble(Concept::weight).min().orElse(unseen);
      fillers.forEach(f -> concepts.add(new Concept(commonest, f)));
      return concepts;
    }

    /**
     * Share of the concepts' weight that the line holds: a concept counts once, whichever of its phrases the line
     * holds, so a word with many synonyms does not outweigh the rest of the question.
     */
    private static double coverage(List<Concept> concepts, List<String> line) {
      Set<String> have = new HashSet<>(line);
      double total = 0;
      double matched = 0;
      for (Concept c : concepts) {
        total += c.weight();
        if (c.phrases().stream().anyMatch(have::containsAll)) {
          matched += c.weight();
        }
      }
      return total == 0 ? 0 : matched / total;
    }
  }

  /**
   * A word or phrase of the question, weighted as rare as it is in the lines, and the phrases (stemmed words) that
   * stand for it: a line holds it when it holds every word of one of them.
   */
  private record Concept(double weight, List<List<String>> phrases) {}

  /** One embedding per distinct line: the overlap between passages repeats lines. */
  private Map<String, Embedding> embed(List<String> lines) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(lines));
    List<float[]> vectors = embeddings.passages(distinct);
    Map<String, Embedding> byLine = new HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      byLine.put(distinct.get(i), Embedding.from(vectors.get(i)));
    }
    return byLine;
  }

  /** Share of the query's (rarity-weighted) words that the sentence contains. */
  private static double overlap(List<String> query, List<String> sentence, Map<String, Double> idf) {
    Set<String> have = new HashSet<>(sentence);
    double total = 0;
    double matched = 0;
    for (String w : new HashSet<>(query)) {
      double weight = idf.getOrDefault(w, Math.log(1 + idf.size()));
      total += weight;
      if (have.contains(w)) {
        matched += weight;
      }
    }
    return total == 0 ? 0 : matched / total;
  }

  private static Map<String, Double> inverseFrequencies(List<String> sentences) {
    Map<String, Integer> df = new HashMap<>();
    for (String s : sentences) {
      new HashSet<>(Sentences.words(s)).forEach(w -> df.merge(w, 1, Integer::sum));
    }
    Map<String, Double> idf = new HashMap<>();
    df.forEach((w, n) -> idf.put(w, Math.log(1 + (double) sentences.size() / n)));
    return idf;
  }
}
