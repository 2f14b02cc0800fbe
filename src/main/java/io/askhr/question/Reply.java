package io.askhr.question;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What AskHR answers, for every adapter to render in its own idiom.
 *
 * @param confidence 0..1, how well the retrieved policies match the question
 * @param notices short remarks the employee should see beside the answer (e.g. "your message was shortened")
 * @param approval present when the text is an answer HR wrote and approved, given verbatim
 * @param language the language the employee wrote in and the fixed sentences are in: adapters label buttons with
 *     {@code Messages.of(language)}
 */
public record Reply(
    String text,
    List<Citation> citations,
    double confidence,
    Set<Flag> flags,
    Mode mode,
    List<String> notices,
    Optional<Approval> approval,
    Locale language) {

  public Reply {
    citations = List.copyOf(citations);
    flags = Set.copyOf(flags);
    notices = List.copyOf(notices);
    language = Messages.supported(language);
  }

  /** A reply in English composed by AskHR (not an HR-approved answer). */
  public Reply(String text, List<Citation> citations, double confidence, Set<Flag> flags, Mode mode,
      List<String> notices) {
    this(text, citations, confidence, flags, mode, notices, Optional.empty(), Locale.ENGLISH);
  }

  /** A reply composed by AskHR in the employee's language. */
  public Reply(String text, List<Citation> citations, double confidence, Set<Flag> flags, Mode mode,
      List<String> notices, Locale language) {
    this(text, citations, confidence, flags, mode, notices, Optional.empty(), language);
  }

  /** An HR-approved answer (or none), in English. */
  public Reply(String text, List<Citation> citations, double confidence, Set<Flag> flags, Mode mode,
      List<String> notices, Optional<Approval> approval) {
    this(text, citations, confidence, flags, mode, notices, approval, Locale.ENGLISH);
  }

  /** Who approved an HR-written answer and when, for adapters to label it "Approved by HR". */
  public record Approval(String owner, LocalDate effective) {

    /** The label in English, e.g. "Approved by HR · People Policy team · 2026-03-01". */
    public String label() {
      return label(Locale.ENGLISH);
    }

    /** The label every adapter shows, in the reply's language: "Von HR freigegeben · People team · 2026-03-01". */
    public String label(Locale language) {
      return Messages.of(language).get(Messages.LABEL_APPROVED_BY_HR) + " · " + owner + " · " + effective;
    }
  }

  /** Facts about a reply that adapters act on. */
  public enum Flag {
    /** The policies do not answer the question. */
    NOT_COVERED,
    /** A personal or delicate topic: answer privately, offer a human. */
    SENSITIVE,
    /** Offer a way to reach HR prominently. */
    ESCALATION_SUGGESTED,
    /** Low confidence: the passages are on the topic but may not answer; an extractive reply says so and offers HR. */
    HEDGED,
    /** The message held no question; the text explains how to ask. */
    USAGE_HINT,
    /** Not answered now (too many questions from this asker, or AskHR is overloaded); the text says why. */
    REFUSED
  }

  /** How the text was produced. */
  public enum Mode {
    /** Drafted by the language model from the cited passages. */
    LLM,
    /** Quoted from the cited passages, without a language model. */
    EXTRACTIVE
  }

  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  /** True for a real answer (including "not covered"): worth remembering, recording and rating. */
  public boolean isAnswer() {
    return !has(Flag.USAGE_HINT) && !has(Flag.REFUSED);
  }

  /** A reply that answers nothing and says why, such as a rate-limit notice. */
  public static Reply refusal(String text) {
    return new Reply(text, List.of(), 0, Set.of(Flag.REFUSED), Mode.EXTRACTIVE, List.of());
  }
}
