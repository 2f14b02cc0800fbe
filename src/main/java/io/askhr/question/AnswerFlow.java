package io.askhr.question;

import io.askhr.drafting.AnswerDrafter;
import io.askhr.drafting.Draft;
import io.askhr.drafting.DraftRequest;
import io.askhr.drafting.DraftingFailedException;
import io.askhr.drafting.QueryRewriter;
import io.askhr.knowledge.InvisibleCharacters;
import io.askhr.knowledge.PolicyPassage;
import io.askhr.retrieval.Hit;
import io.askhr.retrieval.IndexDamagedException;
import io.askhr.retrieval.PolicySearcher;
import io.askhr.retrieval.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retrieve, then draft, then check: the path from a question to a grounded, cited reply. */
public final class AnswerFlow implements QuestionHandler {

  private static final Logger log = LoggerFactory.getLogger(AnswerFlow.class);
  /** A message with no letter or digit ("?!", emoji only) holds no question. */
  private static final Pattern WORDLIKE = Pattern.compile("[\\p{L}\\p{N}]");
  // Control characters and line/paragraph separators become spaces; invisible ones are removed (InvisibleCharacters).
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u2028\\u2029]");
  /** About two lines of a chat window: enough to recognise the passage. */
  private static final int SNIPPET_CHARS = 240;
  private static final double FULL_CONFIDENCE_SIMILARITY = 0.8;
  private static final double MIN_SPAN = 0.05;
  private static final double MIN_CONFIDENCE = 0.05;
  private static final double EXTRACTIVE_DISCOUNT = 0.9;

  private final PolicySearcher searcher;
  private final AnswerDrafter drafter;
  private final AnswerDrafter fallback;
  private final QueryRewriter rewriter;
  private final AnswerSettings settings;
  private final AnswerMetrics metrics;

  /**
   * @param drafter the preferred drafter (the language model when one is configured)
   * @param fallback the extractive drafter, used when {@code drafter} fails
   */
  public AnswerFlow(PolicySearcher searcher, AnswerDrafter drafter, AnswerDrafter fallback, QueryRewriter rewriter,
      AnswerSettings settings) {
    this(searcher, drafter, fallback, rewriter, settings, AnswerMetrics.NONE);
  }

  /** @param metrics where the retrieval stage's latency is reported */
  public AnswerFlow(PolicySearcher searcher, AnswerDrafter drafter, AnswerDrafter fallback, QueryRewriter rewriter,
      AnswerSettings settings, AnswerMetrics metrics) {
    this.searcher = searcher;
    this.drafter = drafter;
    this.fallback = fallback;
    this.rewriter = rewriter;
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public Reply answer(Question question) {
    List<String> notices = new ArrayList<>();
    String text = clean(question.text());
    if (!WORDLIKE.matcher(text).find()) {
      return usageHint();
    }
    if (text.length() > settings.maxQuestionChars()) {
      text = cut(text, settings.maxQuestionChars());
      notices.add("Your message was long, so I read only its first " + settings.maxQuestionChars() + " characters.");
    }
    // Earlier turns are cut the same way: a follow-up must not smuggle a huge message into the search.
    List<String> earlier = question.history().stream()
        .filter(t -> t.role() == Turn.Role.EMPLOYEE)
        .map(t -> cut(clean(t.text()), settings.maxQuestionChars()))
        .toList();
    String standalone = cut(rewriter.standalone(text, earlier), 2 * settings.maxQuestionChars());
    boolean sensitive = !SensitiveTopics.of(text).isEmpty() || !SensitiveTopics.of(standalone).isEmpty();

    Scope scope = Scope.of(question.asker().groups(), question.asker().country());
    long searchStart = System.nanoTime();
    List<Hit> hits;
    try {
      hits = searcher.search(standalone, scope, settings.topK());
    } catch (IndexDamagedException e) {
      return searchUnavailable();
    }
    metrics.retrieved(Duration.ofNanos(System.nanoTime() - searchStart));
    double similarity = bestSimilarity(hits);
    if (hits.isEmpty() || similarity < settings.minSimilarity()) {
      return notCovered(sensitive, notices, Reply.Mode.EXTRACTIVE);
    }
    List<PolicyPassage> sources = hits.stream().map(Hit::passage).toList();
    DraftRequest request = new DraftRequest(text, standalone, sources, sensitive);
    Reply.Mode mode = drafter == fallback ? Reply.Mode.EXTRACTIVE : Reply.Mode.LLM;
    Draft draft;
    try {
      draft = drafter.draft(request);
    } catch (DraftingFailedException e) {
      // The reason names the failure type only: provider error bodies can echo keys or the employee's words.
      log.warn("Drafting failed ({}), answering extractively", e.reason());
      notices.add("The AI assistant is unavailable right now, so this answer is quoted directly from our policies.");
      draft = fallback.draft(request);
      mode = Reply.Mode.EXTRACTIVE;
    }
    if (draft.notCovered() || draft.cited().isEmpty()) {
      return notCovered(sensitive, notices, mode);
    }
    return grounded(draft, sources, mode, sensitive, similarity, notices);
  }

  private Reply grounded(Draft draft, List<PolicyPassage> sources, Reply.Mode mode, boolean sensitive,
      double similarity, List<String> notices) {
    // Number the cited sources 1..m in order of first mention, so the reader sees [1], [2] whatever was retrieved.
    Map<Integer, Integer> renumbered = new HashMap<>();
    List<Citation> citations = new ArrayList<>();
    Matcher m = Draft.MARKER.matcher(draft.text());
    StringBuilder body = new StringBuilder();
    while (m.find()) {
      int original = Integer.parseInt(m.group(1));
      Integer n = renumbered.get(original);
      if (n == null && original >= 1 && original <= sources.size()) {
        n = citations.size() + 1;
        renumbered.put(original, n);
        citations.add(citation(n, sources.get(original - 1)));
      }
      m.appendReplacement(body, n == null ? "" : "[" + n + "]");
    }
    m.appendTail(body);

    StringBuilder text = new StringBuilder();
    Set<Reply.Flag> flags = EnumSet.noneOf(Reply.Flag.class);
    boolean unsure = similarity < settings.confidentSimilarity();
    if (mode == Reply.Mode.EXTRACTIVE && unsure) {
      // Quoting a loosely related passage as if it were the answer would mislead; say what it is.
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append("I could not find a policy that answers this directly. These are the closest passages (quoted ")
          .append("directly); if they do not help, please contact ").append(settings.hrContact()).append(".\n");
    } else if (mode == Reply.Mode.EXTRACTIVE) {
      text.append("Here is what our policies say (quoted directly):\n");
    }
    text.append(body.toString().strip());
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append("\n\nThis is what the policy says in general; it is not a decision about your own situation. ")
          .append("To talk about your case in confidence, contact ").append(settings.hrContact()).append('.');
    }
    return new Reply(text.toString(), citations, confidence(similarity, mode), flags, mode, notices);
  }

  /**
   * How far the best match clears the "not covered" threshold, scaled to 0..1. Similarities above 0.8 are about as
   * close as a question gets to a policy with this embedding model, so they count as full confidence; an extractive
   * answer is discounted by a tenth because nothing checked that the quoted sentences answer the question.
   */
  private double confidence(double similarity, Reply.Mode mode) {
    double span = Math.max(MIN_SPAN, FULL_CONFIDENCE_SIMILARITY - settings.minSimilarity());
    double c = Math.min(1.0, Math.max(MIN_CONFIDENCE, (similarity - settings.minSimilarity()) / span));
    return Math.round((mode == Reply.Mode.LLM ? c : c * EXTRACTIVE_DISCOUNT) * 100) / 100.0;
  }

  private static String clean(String text) {
    return CONTROL.matcher(InvisibleCharacters.remove(text)).replaceAll(" ").strip();
  }

  /** The first {@code max} characters, without splitting a surrogate pair (an emoji). */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  private static double bestSimilarity(List<Hit> hits) {
    return hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
  }

  private static Citation citation(int number, PolicyPassage p) {
    String text = p.text().strip().replaceAll("\\s+", " ");
    String snippet = text.length() <= SNIPPET_CHARS ? text : cut(text, SNIPPET_CHARS).replaceAll("\\s\\S*$", "") + "…";
    // A top heading that repeats the title adds nothing to "Title — Section".
    List<String> path = p.headingPath();
    if (!path.isEmpty() && path.get(0).equalsIgnoreCase(p.title())) {
      path = path.subList(1, path.size());
    }
    return new Citation(number, p.source(), p.title(), String.join(PolicyPassage.SECTION_SEPARATOR, path), p.page(),
        p.effective(), p.url(), snippet);
  }

  /** @param mode who judged the question not covered: retrieval (extractive) or the model */
  private Reply notCovered(boolean sensitive, List<String> notices, Reply.Mode mode) {
    Set<Reply.Flag> flags = EnumSet.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED);
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
    }
    String text = "I could not find this in our HR policies, so I won't guess. Please contact "
        + settings.hrContact() + ", who can answer it.";
    return new Reply(text, List.of(), 0, flags, mode, notices);
  }

  /** The index is being rebuilt after damage: say so instead of failing (the rebuild takes a minute or so). */
  private Reply searchUnavailable() {
    String text = "I can't search our policies right now: the search index is being rebuilt. Please ask again in a"
        + " few minutes, or contact " + settings.hrContact() + ".";
    return new Reply(text, List.of(), 0, EnumSet.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED),
        Reply.Mode.EXTRACTIVE, List.of());
  }

  private static Reply usageHint() {
    String text = "Ask me a question about our HR policies, for example \"How is severance calculated?\" or "
        + "\"How many days of annual leave do I get?\"";
    return new Reply(text, List.of(), 0, EnumSet.of(Reply.Flag.USAGE_HINT), Reply.Mode.EXTRACTIVE, List.of());
  }
}
