package io.askhr.retrieval;

import io.askhr.knowledge.PolicyPassage;

/**
 * A passage found for a query.
 *
 * @param score fused rank score; only meaningful for ordering the hits of one query
 * @param similarity cosine similarity of the query and passage embeddings, comparable across queries
 * @param lexicalRank 1-based BM25 rank, 0 when BM25 did not find the passage
 * @param vectorRank 1-based vector rank, 0 when the vector search did not find the passage
 */
public record Hit(PolicyPassage passage, double score, double similarity, int lexicalRank, int vectorRank) {}
