package io.askhr.drafting;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.askhr.knowledge.PolicyPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer without a language model: the policy sentences that best match the question, quoted word for word
 * with their citations, best sentence first.
 */
public final class ExtractiveDrafter implements AnswerDrafter {

  /** Quote from the few best passages only: lower-ranked ones add noise more often than answers. */
  private static final int PASSAGES_CONSIDERED = 3;
  /** Keep the quote short enough to read in a chat window. */
  private static final int MAX_SENTENCES = 3;
  private static final int MAX_WORDS = 110;
  /** A further sentence is quoted only when it scores close to the best one. */
  private static final double RELATIVE_CUTOFF = 0.75;
  /** Sentences shorter than this are headings or fragments, not answers. */
  private static final int MIN_WORDS = 4;

  private final EmbeddingModel embeddings;

  public ExtractiveDrafter(EmbeddingModel embeddings) {
    this.embeddings = embeddings;
  }

  private record Candidate(String sentence, int source, int order, double score) {}

  @Override
  public Draft draft(DraftRequest request) {
    List<Candidate> candidates = candidates(request);
    if (candidates.isEmpty()) {
      return Draft.noAnswer();
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    double best = candidates.get(0).score();
    List<Candidate> chosen = new ArrayList<>();
    int words = 0;
    for (Candidate c : candidates) {
      int w = Sentences.wordCount(c.sentence());
      boolean first = chosen.isEmpty();
      if (!first && (c.score() < best * RELATIVE_CUTOFF || words + w > MAX_WORDS || chosen.size() == MAX_SENTENCES)) {
        continue;
      }
      chosen.add(c);
      words += w;
    }
    StringBuilder text = new StringBuilder();
    TreeSet<Integer> cited = new TreeSet<>();
    for (Candidate c : chosen) {
      text.append("> ").append(c.sentence()).append(' ').append(Draft.marker(c.source())).append('\n');
      cited.add(c.source());
    }
    return new Draft(text.toString().strip(), List.copyOf(cited), false);
  }

  private List<Candidate> candidates(DraftRequest request) {
    List<String> sentences = new ArrayList<>();
    List<int[]> origin = new ArrayList<>();
    int passages = Math.min(PASSAGES_CONSIDERED, request.sources().size());
    for (int i = 0; i < passages; i++) {
      PolicyPassage p = request.sources().get(i);
      int order = 0;
      for (String s : Sentences.split(p.text())) {
        if (Sentences.wordCount(s) >= MIN_WORDS) {
          sentences.add(s);
          origin.add(new int[] {i + 1, order++});
        }
      }
    }
    if (sentences.isEmpty()) {
      return new ArrayList<>();
    }
    String query = request.standaloneQuestion();
    Map<String, Double> idf = inverseFrequencies(sentences);
    List<String> queryWords = Sentences.words(query);
    // In a follow-up ("and for part-timers?") the new words are what the employee wants to know now.
    List<String> latestWords = request.question().equals(query) ? queryWords : Sentences.words(request.question());
    Embedding queryEmbedding = embeddings.embed(query).content();
    List<Embedding> vectors = embeddings.embedAll(sentences.stream().map(TextSegment::from).toList()).content();

    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      double semantic = CosineSimilarity.between(queryEmbedding, vectors.get(i));
      List<String> words = Sentences.words(sentences.get(i));
      double lexical = (overlap(queryWords, words, idf) + overlap(latestWords, words, idf)) / 2;
      // A small prior for the better-ranked passage breaks ties in favour of what retrieval trusted most.
      double prior = 0.03 * (PASSAGES_CONSIDERED - origin.get(i)[0] + 1);
      candidates.add(new Candidate(sentences.get(i), origin.get(i)[0], origin.get(i)[1],
          0.6 * semantic + 0.4 * lexical + prior));
    }
    return candidates;
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
