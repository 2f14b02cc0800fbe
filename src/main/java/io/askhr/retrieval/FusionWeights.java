package io.askhr.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How BM25 and vector rankings are fused (weighted reciprocal-rank fusion), and how deep each list is read.
 *
 * @param lexical weight of the BM25 ranking (0 turns BM25 off)
 * @param vector weight of the vector ranking (0 turns vectors off)
 * @param rankConstant RRF's k: larger values flatten the difference between top ranks
 * @param depth how many hits each ranking contributes
 * @param titleBoost BM25 boost of the document title field
 * @param headingBoost BM25 boost of the section headings field
 */
public record FusionWeights(
    double lexical, double vector, int rankConstant, int depth, float titleBoost, float headingBoost) {

  /** Measured with {@code askhr eval} on the contoso and GSA sets; see README "Retrieval quality". */
  public static final FusionWeights DEFAULT = new FusionWeights(1.0, 1.0, 60, 50, 0.5f, 1.0f);

  /** BM25 only, the baseline to beat. */
  public static FusionWeights lexicalOnly() {
    return new FusionWeights(1.0, 0.0, DEFAULT.rankConstant, DEFAULT.depth, DEFAULT.titleBoost, DEFAULT.headingBoost);
  }

  /** Vectors only. */
  public static FusionWeights vectorOnly() {
    return new FusionWeights(0.0, 1.0, DEFAULT.rankConstant, DEFAULT.depth, DEFAULT.titleBoost, DEFAULT.headingBoost);
  }

  double fuse(int lexicalRank, int vectorRank) {
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
