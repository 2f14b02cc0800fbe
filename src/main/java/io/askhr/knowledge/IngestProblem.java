package io.askhr.knowledge;

/** A file of the knowledge folder that could not be indexed, and why, in words HR understands. */
public record IngestProblem(String source, String reason) {}
