package io.askhr.question;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.askhr.retrieval.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses which of {@link Messages#LANGUAGES} an employee's message is written in, with the Optimaize n-gram
 * detector (the one Apache Tika wraps) and its profiles for short text. English when it is not sure: a wrong
 * language is worse than English, which every employee reads.
 *
 * <p>Letter n-grams alone called "hiring freeze end date?" Dutch and "What outplacement services are available?"
 * French, both with probability over 0.99. So a message of several words is given another language only when it also
 * shows a sign of it: a letter outside the English alphabet (ä, é, ñ, å) or one of that language's function words
 * (Lucene's stop words for it) that is not an English word too. A single word has only its letters to go by
 * ("Elternzeit?").
 */
public final class LanguageDetector {

  /**
   * Chosen on the dev half of the multilingual gold set plus 20 short English messages: at 0.9 "bonus" and
   * "pension" (French words too) were answered in French; at 0.99 every short English message stays English and one
   * Dutch single word ("Pensioenregeling", 0.90) falls back to English, the safe way to be wrong.
   */
  private static final double MIN_PROBABILITY = 0.99;
  /** Prior odds for English, the language of our policies and of most questions. */
  private static final double ENGLISH_PRIOR = 5.0;
  /** "ok", "PTO?", "401k": too few letters to say anything. */
  private static final int MIN_LETTERS = 4;
  /** Fixed, so that the same message always gets the same answer language. */
  private static final long SEED = 14L;
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

  private final com.optimaize.langdetect.LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  private LanguageDetector(com.optimaize.langdetect.LanguageDetector detector) {
    this.detector = detector;
  }

  /** The detector with the packaged profiles, loaded once per JVM (about 0.3 MB of n-grams). */
  public static LanguageDetector shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final LanguageDetector INSTANCE = load();
  }

  static LanguageDetector load() {
    List<String> codes = Messages.LANGUAGES.stream().map(Locale::getLanguage).toList();
    try {
      List<LanguageProfile> profiles = new LanguageProfileReader().read("languages.shorttext", codes);
      Map<LdLocale, Double> priors = new HashMap<>();
      codes.forEach(code -> priors.put(LdLocale.fromString(code), code.equals("en") ? ENGLISH_PRIOR : 1.0));
      return new LanguageDetector(LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(profiles).languagePriorities(priors).seed(com.google.common.base.Optional.of(SEED)).build());
    } catch (IOException e) {
      throw new UncheckedIOException("language profiles are missing from the build", e);
    }
  }

  /** The language of {@code text}, English when unsure. */
  public Locale detect(String text) {
    return sure(text).orElse(Locale.ENGLISH);
  }

  /**
   * The language of the latest message; when that is too short to tell ("und für Teilzeit?"), the language of the
   * conversation so far; English when neither is clear.
   */
  public Locale detect(String latest, List<String> earlier) {
    Optional<Locale> language = sure(latest);
    if (language.isEmpty() && !earlier.isEmpty()) {
      language = sure(String.join("\n", earlier) + "\n" + latest);
    }
    return language.orElse(Locale.ENGLISH);
  }

  /** The language of {@code text} if the detector is confident, else empty. */
  Optional<Locale> sure(String text) {
    if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return Optional.empty();
    }
    List<DetectedLanguage> guesses = detector.getProbabilities(texts.forText(text));
    if (guesses.isEmpty() || guesses.get(0).getProbability() < MIN_PROBABILITY) {
      return Optional.empty();
    }
    Locale language = Messages.supported(Locale.forLanguageTag(guesses.get(0).getLocale().getLanguage()));
    return language.equals(Locale.ENGLISH) || showsSignOf(language.getLanguage(), text)
        ? Optional.of(language) : Optional.empty();
  }

  /** A single word, a letter English does not use, or a function word of {@code language} that English lacks. */
  static boolean showsSignOf(String language, String text) {
    if (text.codePoints().anyMatch(c -> c > 0x7F && Character.isLetter(c))) {
      return true;
    }
    List<String> words = NOT_LETTERS.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    return words.size() < 2 || words.stream().anyMatch(w -> LanguageAnalyzers.isFunctionWordOnlyOf(language, w));
  }
}
