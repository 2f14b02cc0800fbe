package io.askhr.eval;

/** One ranking's figures on the dev half (tuned on), the held-out half (the figures that count) and both. */
public record SplitReport(EvalReport dev, EvalReport heldOut, EvalReport all) {}
