package io.askhr.drafting;

import io.askhr.retrieval.Synonyms;
import java.util.List;
import java.util.Locale;

/**
 * Without a model to translate, a question in another language is searched as its gloss: the words HR's synonyms
 * know ("Urlaubstage", "Kündigung") replaced by their English policy words, so the English embedding model and the
 * English passages see English. The search still runs the question as written too (see {@code BilingualSearch}),
 * which finds a policy written in the employee's language.
 */
public final class GlossingRewriter implements QueryRewriter {

  /** The same bound as the keyword search's query terms. */
  private static final int MAX_WORDS = 100;

  private final QueryRewriter rewriter;
  private final Synonyms synonyms;

  public GlossingRewriter(QueryRewriter rewriter, Synonyms synonyms) {
    this.rewriter = rewriter;
    this.synonyms = synonyms;
  }

  @Override
  public String standalone(String latest, List<String> earlierQuestions) {
    return rewriter.standalone(latest, earlierQuestions);
  }

  @Override
  public Rewrite rewrite(String latest, List<String> earlierQuestions, Locale language) {
    Rewrite rewrite = rewriter.rewrite(latest, earlierQuestions, language);
    if (language.getLanguage().equals(Locale.ENGLISH.getLanguage())
        || synonyms.addedWords(rewrite.standalone(), MAX_WORDS).isEmpty()) {
      return rewrite; // nothing to translate: searching a lower-cased copy would only add noise
    }
    return new Rewrite(synonyms.gloss(rewrite.standalone(), language.getLanguage(), MAX_WORDS), rewrite.sensitive());
  }
}
