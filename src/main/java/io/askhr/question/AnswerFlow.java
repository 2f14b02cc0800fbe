package io.askhr.question;

import io.askhr.answers.ApprovedAnswer;
import io.askhr.drafting.AnswerDrafter;
import io.askhr.drafting.Draft;
import io.askhr.drafting.DraftRequest;
import io.askhr.drafting.DraftingFailedException;
import io.askhr.drafting.ExtractiveDrafter;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  /** The policy's words under an approved answer: one section, a few lines, so HR's text stays the answer. */
  private static final int POLICY_WORDS_MAX_WORDS = 40;

  private final PolicySearcher searcher;
  private final AnswerDrafter drafter;
  private final AnswerDrafter fallback;
  private final QueryRewriter rewriter;
  private final AnswerSettings settings;
  private final AnswerMetrics metrics;
  private final SensitiveClassifier sensitiveClassifier;
  private final ApprovedAnswers approved;
  private final AnswerDecision decision;
  private final LanguageDetector languages = LanguageDetector.shared();
  /** The extractive drafter (the fallback, when it is one) quotes the policy beside an approved answer. */
  private final Optional<ExtractiveDrafter> quoter;

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
    this(searcher, drafter, fallback, rewriter, settings, metrics, SensitiveClassifier.rulesOnly(),
        ApprovedAnswers.none());
  }

  /**
   * @param sensitive recognises sensitive questions (rules and HR's examples)
   * @param approved HR's approved answers, consulted before retrieval
   */
  public AnswerFlow(PolicySearcher searcher, AnswerDrafter drafter, AnswerDrafter fallback, QueryRewriter rewriter,
      AnswerSettings settings, AnswerMetrics metrics, SensitiveClassifier sensitive, ApprovedAnswers approved) {
    this.sensitiveClassifier = sensitive;
    this.approved = approved;
    this.searcher = searcher;
    this.drafter = drafter;
    this.fallback = fallback;
    this.rewriter = rewriter;
    this.settings = settings;
    this.metrics = metrics;
    this.decision = new AnswerDecision(settings.minSimilarity(), settings.decision());
    this.quoter = fallback instanceof ExtractiveDrafter extractive ? Optional.of(extractive) : Optional.empty();
  }

  @Override
  public Reply answer(Question question) {
    return answer(question, AnswerStream.NONE);
  }

  @Override
  public Reply answer(Question question, AnswerStream stream) {
    List<String> notices = new ArrayList<>();
    String text = clean(question.text());
    if (!WORDLIKE.matcher(text).find()) {
      return usageHint();
    }
    // Earlier turns are cut the same way: a follow-up must not smuggle a huge message into the search.
    List<String> earlier = question.history().stream()
        .filter(t -> t.role() == Turn.Role.EMPLOYEE)
        .map(t -> Texts.cut(clean(t.text()), settings.maxQuestionChars()))
        .toList();
    Messages messages = Messages.of(languages.detect(Texts.cut(text, settings.maxQuestionChars()), earlier));
    if (text.length() > settings.maxQuestionChars()) {
      text = Texts.cut(text, settings.maxQuestionChars());
      notices.add(messages.get(Messages.NOTICE_SHORTENED, Map.of("max_chars", settings.maxQuestionChars())));
    }
    QueryRewriter.Rewrite rewrite = rewriter.rewrite(text, earlier, messages.language());
    String standalone = Texts.cut(rewrite.standalone(), 2 * settings.maxQuestionChars());
    // Either judge flags: the model (when configured) or the local rules and examples.
    boolean sensitive = rewrite.sensitive() || sensitiveClassifier.flags(text)
        || (!standalone.equals(text) && sensitiveClassifier.flags(standalone));

    Scope scope = Scope.of(question.asker().groups(), question.asker().country());
    Optional<ApprovedAnswers.Match> approvedMatch = approved.match(standalone, scope);
    if (approvedMatch.isPresent()) {
      Reply reply = ApprovedAnswers.reply(approvedMatch.get(), sensitive, notices);
      return withPolicyWords(reply, approvedMatch.get().answer(), text, standalone, scope, sensitive);
    }
    stream.stage(AnswerStream.Stage.SEARCHING);
    long searchStart = System.nanoTime();
    List<Hit> hits;
    try {
      hits = messages.isEnglish() || standalone.equals(text)
          ? searcher.search(standalone, scope, settings.topK())
          : BilingualSearch.search(searcher, standalone, text, scope, settings.topK());
    } catch (IndexDamagedException e) {
      return searchUnavailable(messages);
    }
    metrics.retrieved(Duration.ofNanos(System.nanoTime() - searchStart));
    double similarity = bestSimilarity(hits);
    AnswerDecision.Signals signals = AnswerDecision.signals(standalone, hits);
    AnswerDecision.Verdict verdict = decision.decide(signals);
    if (hits.isEmpty() || verdict == AnswerDecision.Verdict.NOT_COVERED) {
      return notCovered(sensitive, notices, Reply.Mode.EXTRACTIVE, messages);
    }
    List<PolicyPassage> sources = hits.stream().map(Hit::passage).toList();
    DraftRequest request = new DraftRequest(text, standalone, sources, sensitive);
    Reply.Mode mode = drafter == fallback ? Reply.Mode.EXTRACTIVE : Reply.Mode.LLM;
    Draft draft;
    stream.stage(AnswerStream.Stage.CHECKING_SOURCES);
    try {
      Numbering streamed = new Numbering(sources);
      // A streamed sentence keeps only links to sources cited so far, as the whole reply does at the end.
      draft = drafter.draft(request, piece -> {
        String numbered = streamed.apply(piece);
        stream.verified(new LinkNeutraliser(streamed.citedText).neutralise(numbered));
      });
    } catch (DraftingFailedException e) {
      // The reason names the failure type only: provider error bodies can echo keys or the employee's words.
      log.warn("Drafting failed ({}), answering extractively", e.reason());
      notices.add(messages.get(Messages.NOTICE_MODEL_UNAVAILABLE));
      draft = fallback.draft(request);
      mode = Reply.Mode.EXTRACTIVE;
    }
    if (draft.notCovered() || draft.cited().isEmpty()) {
      return notCovered(sensitive, notices, mode, messages);
    }
    return grounded(draft, sources, mode, sensitive, similarity, verdict == AnswerDecision.Verdict.HEDGE, notices,
        messages);
  }

  /**
   * An approved answer speaks of its topic in general, while the question is often more particular ("what does Amber
   * mean for me?", "my last day is in February"). Below HR's text, which stays verbatim, the lines of the answer's own
   * sources that best answer the question are quoted and cited, as the policy words them. Nothing is added when HR
   * said {@code quote_policy: false}, or when the search finds none of those sources or cannot run.
   */
  private Reply withPolicyWords(Reply reply, ApprovedAnswer answer, String text, String standalone, Scope scope,
      boolean sensitive) {
    if (quoter.isEmpty() || !answer.quotePolicy()) {
      return reply;
    }
    List<String> files = answer.sources().stream().map(ApprovedAnswer.Source::file).toList();
    List<PolicyPassage> own;
    long searchStart = System.nanoTime();
    try {
      own = searcher.search(standalone, scope, settings.topK()).stream().map(Hit::passage)
          .filter(p -> files.contains(p.source())).toList();
    } catch (IndexDamagedException e) {
      return reply;
    }
    metrics.retrieved(Duration.ofNanos(System.nanoTime() - searchStart));
    if (own.isEmpty()) {
      return reply;
    }
    Draft quote = quoter.get().bestSection(new DraftRequest(text, standalone, own, sensitive), POLICY_WORDS_MAX_WORDS,
        answer.questions());
    if (quote.notCovered() || quote.cited().isEmpty()) {
      return reply;
    }
    // The reply cites the answer's sources by file: a quoted passage takes its file's number.
    Matcher marker = Draft.MARKER.matcher(quote.text());
    StringBuilder quoted = new StringBuilder();
    while (marker.find()) {
      int source = Integer.parseInt(marker.group(1));
      String file = source >= 1 && source <= own.size() ? own.get(source - 1).source() : "";
      if (!files.contains(file)) {
        return reply; // a quote that cannot be cited is not shown
      }
      marker.appendReplacement(quoted, "[" + (files.indexOf(file) + 1) + "]");
    }
    marker.appendTail(quoted);
    String withQuote = reply.text().strip() + "\n\n"
        + Messages.of(Locale.ENGLISH).get(Messages.APPROVED_POLICY_WORDS) + "\n" + quoted.toString().strip();
    return new Reply(withQuote, reply.citations(), reply.confidence(), reply.flags(), reply.mode(), reply.notices(),
        reply.approval(), reply.language());
  }

  /** @param unsure the decision rule found passages on the topic that may not answer the question */
  private Reply grounded(Draft draft, List<PolicyPassage> sources, Reply.Mode mode, boolean sensitive,
      double similarity, boolean unsure, List<String> notices, Messages messages) {
    Numbering numbering = new Numbering(sources);
    String body = numbering.apply(draft.text());
    List<Citation> citations = numbering.citations;
    List<String> citedText = numbering.citedText;

    StringBuilder text = new StringBuilder();
    Set<Reply.Flag> flags = EnumSet.noneOf(Reply.Flag.class);
    if (unsure) {
      flags.add(Reply.Flag.HEDGED);
    }
    if (mode == Reply.Mode.EXTRACTIVE && unsure) {
      // Quoting a loosely related passage as if it were the answer would mislead; say what it is.
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append(messages.get(Messages.CLOSEST_PASSAGES, Map.of("hr_contact", settings.hrContact()))).append('\n');
    } else if (mode == Reply.Mode.EXTRACTIVE) {
      text.append(messages.get(Messages.QUOTED_INTRO)).append('\n');
    }
    if (mode == Reply.Mode.EXTRACTIVE && !messages.isEnglish()) {
      // Without a model nothing can translate the quotes; say so in the employee's language.
      notices.add(messages.get(Messages.NOTICE_POLICIES_IN_ENGLISH));
    }
    // Links only to what the cited policies link to: the model's own (or a planted) link is reduced to its label.
    text.append(new LinkNeutraliser(citedText).neutralise(body.strip()));
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
      flags.add(Reply.Flag.ESCALATION_SUGGESTED);
      text.append("\n\n").append(messages.get(Messages.SENSITIVE_NOTE, Map.of("hr_contact", settings.hrContact())));
    }
    return new Reply(text.toString(), citations, confidence(similarity, mode), flags, mode, notices,
        messages.language());
  }

  /**
   * Numbers the cited sources 1..m in order of first mention, so the reader sees [1], [2] whatever was retrieved.
   * Applied piece by piece to a streamed draft it numbers exactly as applied to the whole text at once.
   */
  private static final class Numbering {

    private final List<PolicyPassage> sources;
    private final Map<Integer, Integer> renumbered = new HashMap<>();
    private final List<Citation> citations = new ArrayList<>();
    /** The cited passages' text and URLs: the only links a reply may keep. */
    private final List<String> citedText = new ArrayList<>();

    Numbering(List<PolicyPassage> sources) {
      this.sources = sources;
    }

    String apply(String text) {
      Matcher m = Draft.MARKER.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        int original = Integer.parseInt(m.group(1));
        Integer n = renumbered.get(original);
        if (n == null && original >= 1 && original <= sources.size()) {
          n = citations.size() + 1;
          renumbered.put(original, n);
          citations.add(citation(n, sources.get(original - 1)));
          citedText.add(sources.get(original - 1).text());
          sources.get(original - 1).url().ifPresent(citedText::add);
        }
        m.appendReplacement(out, n == null ? "" : "[" + n + "]");
      }
      m.appendTail(out);
      return out.toString();
    }
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

  private static double bestSimilarity(List<Hit> hits) {
    return hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
  }

  private static Citation citation(int number, PolicyPassage p) {
    String text = p.text().strip().replaceAll("\\s+", " ");
    String snippet = text.length() <= SNIPPET_CHARS ? text
        : Texts.cut(text, SNIPPET_CHARS).replaceAll("\\s\\S*$", "") + "…";
    // A top heading that repeats the title adds nothing to "Title — Section".
    List<String> path = p.headingPath();
    if (!path.isEmpty() && path.get(0).equalsIgnoreCase(p.title())) {
      path = path.subList(1, path.size());
    }
    return new Citation(number, p.source(), p.title(), String.join(PolicyPassage.SECTION_SEPARATOR, path), p.page(),
        p.effective(), p.url(), snippet);
  }

  /** @param mode who judged the question not covered: retrieval (extractive) or the model */
  private Reply notCovered(boolean sensitive, List<String> notices, Reply.Mode mode, Messages messages) {
    Set<Reply.Flag> flags = EnumSet.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED);
    if (sensitive) {
      flags.add(Reply.Flag.SENSITIVE);
    }
    String text = messages.get(Messages.NOT_COVERED, Map.of("hr_contact", settings.hrContact()));
    return new Reply(text, List.of(), 0, flags, mode, notices, messages.language());
  }

  /** The index is being rebuilt after damage: say so instead of failing (the rebuild takes a minute or so). */
  private Reply searchUnavailable(Messages messages) {
    String text = messages.get(Messages.SEARCH_UNAVAILABLE, Map.of("hr_contact", settings.hrContact()));
    return new Reply(text, List.of(), 0, EnumSet.of(Reply.Flag.NOT_COVERED, Reply.Flag.ESCALATION_SUGGESTED),
        Reply.Mode.EXTRACTIVE, List.of(), messages.language());
  }

  private static Reply usageHint() {
    // A message without letters has no language: English.
    String text = Messages.of(Locale.ENGLISH).get(Messages.USAGE_HINT);
    return new Reply(text, List.of(), 0, EnumSet.of(Reply.Flag.USAGE_HINT), Reply.Mode.EXTRACTIVE, List.of());
  }
}
