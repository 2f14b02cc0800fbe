package io.askhr.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How BM25 and vector rankings are fused, and how deep each list is read. Two methods: weighted reciprocal-rank
 * fusion, and a convex combination of BM25 score and cosine similarity, each min-max scaled over the query's hits.
 *
 * @param method how the two rankings are combined
 * @param lexical weight of the BM25 ranking (0 turns BM25 off)
 * @param vector weight of the vector ranking (0 turns vectors off)
 * @param rankConstant RRF's k: larger values flatten the difference between top ranks
 * @param depth how many hits each ranking contributes
 * @param titleBoost BM25 boost of the document title field
 * @param headingBoost BM25 boost of the section headings field
 * @param synonymBoost BM25 boost of words added from HR's synonyms (0 turns synonyms off)
 */
public record FusionWeights(
    Method method,
    double lexical, double vector, int rankConstant, int depth, float titleBoost, float headingBoost,
    float synonymBoost) {

  /**
   * Chosen on the dev halves only (contoso, GSA, knowledge/: 74 answerable questions) with e5-small: among 32
   * settings, reciprocal-rank fusion with k = 20, BM25 weighted 0.7 against vectors 1.0, titles boosted 2x and
   * synonym words weighted 0.5 had the best mean of hit@5 and MRR@10 (0.877; the former 0.4/0.6 score fusion
   * 0.840, plain equal-weight RRF with k = 60 0.849). docs/retrieval.md.
   */
  public static final FusionWeights DEFAULT = new FusionWeights(Method.RRF, 0.7, 1.0, 20, 50, 2.0f, 1.0f, 0.5f);

  /** The fusion methods compared with {@code askhr eval}. */
  public enum Method {
    /** Weighted reciprocal-rank fusion. */
    RRF,
    /** BM25 score and cosine each min-max scaled over the query's hits, then added with the weights. */
    SCORE,
    /** BM25 score and cosine each standardised (mean 0, deviation 1) over the query's hits, then added. */
    ZSCORE
  }

  /** AskHR's BM25 half alone (boosts and synonyms included). */
  public static FusionWeights lexicalOnly() {
    return DEFAULT.with(Method.SCORE, 1.0, 0.0);
  }

  /** AskHR's vector half alone. */
  public static FusionWeights vectorOnly() {
    return DEFAULT.with(Method.SCORE, 0.0, 1.0);
  }

  /** The textbook recipes AskHR must beat: no field boosts, no synonyms. */
  public static FusionWeights plainBm25() {
    return new FusionWeights(Method.SCORE, 1.0, 0.0, 60, DEFAULT.depth, 1.0f, 1.0f, 0.0f);
  }

  /** Plain KNN over the passage vectors. */
  public static FusionWeights plainVector() {
    return plainBm25().with(Method.SCORE, 0.0, 1.0);
  }

  /** Reciprocal-rank fusion of plain BM25 and plain KNN, equal weights, k = 60 (Cormack et al.). */
  public static FusionWeights plainRrf() {
    return plainBm25().with(Method.RRF, 1.0, 1.0);
  }

  /** The same weights with another method and lexical/vector balance, for measuring. */
  public FusionWeights with(Method otherMethod, double otherLexical, double otherVector) {
    return new FusionWeights(otherMethod, otherLexical, otherVector, rankConstant, depth, titleBoost, headingBoost,
        synonymBoost);
  }

  /** The same weights with other BM25 field and synonym boosts, for measuring. */
  public FusionWeights withBoosts(float title, float heading, float synonym) {
    return new FusionWeights(method, lexical, vector, rankConstant, depth, title, heading, synonym);
  }

  /**
   * @param lexicalShare the passage's BM25 score scaled over the query's BM25 hits as {@link #method} says
   * @param vectorShare the passage's similarity scaled over the query's candidates as {@link #method} says
   */
  double fuse(int lexicalRank, int vectorRank, double lexicalShare, double vectorShare) {
    if (method != Method.RRF) {
      return lexical * lexicalShare + vector * vectorShare;
    }
    double score = 0;
    if (lexicalRank > 0) {
      score += lexical / (rankConstant + lexicalRank);
    }
    if (vectorRank > 0) {
      score += vector / (rankConstant + vectorRank);
    }
    return score;
  }

  Map<String, Float> fieldBoosts() {
    Map<String, Float> boosts = new LinkedHashMap<>();
    boosts.put(PolicyFields.TEXT, 1.0f);
    boosts.put(PolicyFields.HEADINGS, headingBoost);
    boosts.put(PolicyFields.TITLE, titleBoost);
    return boosts;
  }
}
