package io.askhr.question;

import io.askhr.config.ConfigException;
import io.askhr.retrieval.PolicyEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Recognises sensitive questions the way employees phrase them, without a language model: the keyword rules of
 * {@link SensitiveTopics}, or a question close (by embedding similarity) to one of HR's labelled examples in
 * {@code bot/sensitive.yml} (the mean of its three nearest), not clearly closer to its ordinary examples, and about the
 * asker's own situation.
 */
public final class SensitiveClassifier {

  /** Where HR edits the examples; the copy packaged in the jar is used when the file is not there. */
  public static final Path FILE = Path.of("bot", "sensitive.yml");
  private static final String PACKAGED = "sensitive.yml";
  /** How many of the closest examples of each kind (sensitive, ordinary) are averaged. */
  static final int NEAREST = 3;

  /** HR's examples of one kind: each one's topic ("" for ordinary ones) and their vectors, in the same order. */
  private record Examples(List<String> topics, ExampleVectors vectors) {

    static Examples of(List<String> topics, List<float[]> vectors) {
      return new Examples(List.copyOf(topics), new ExampleVectors(vectors));
    }

    boolean isEmpty() {
      return topics.isEmpty();
    }
  }

  /**
   * How a question scored.
   *
   * @param ruleTopics the keyword rules' topics
   * @param personal whether the asker speaks of themselves ("my", "I", "ich", "mon"...)
   * @param nearestTopic the topic of the closest sensitive example
   * @param sensitive mean similarity to the three closest sensitive examples
   * @param ordinary mean similarity to the three closest ordinary examples
   */
  public record Verdict(Set<String> ruleTopics, boolean personal, String nearestTopic, double sensitive,
      double ordinary) {

    /** The decision for given thresholds (the classifier's own, or candidates while choosing them). */
    public boolean flagged(double threshold, double margin) {
      return !ruleTopics.isEmpty() || byExamples(threshold, margin);
    }

    /**
     * The examples' decision alone, without the rules. Only a question about the asker's own situation counts:
     * a policy question is close to sensitive examples on the same subject without being sensitive.
     */
    public boolean byExamples(double threshold, double margin) {
      return personal && sensitive >= threshold && ordinary - sensitive < margin;
    }
  }

  private final Examples sensitive;
  private final Examples ordinary;
  private final Optional<PolicyEmbedder> embeddings;
  private final double threshold;
  private final double margin;

  private SensitiveClassifier(Examples sensitive, Examples ordinary, Optional<PolicyEmbedder> embeddings,
      double threshold, double margin) {
    this.sensitive = sensitive;
    this.ordinary = ordinary;
    this.embeddings = embeddings;
    this.threshold = threshold;
    this.margin = margin;
  }

  /** The keyword rules alone, for tests and for wiring without an embedding model. */
  public static SensitiveClassifier rulesOnly() {
    Examples none = Examples.of(List.of(), List.of());
    return new SensitiveClassifier(none, none, Optional.empty(), 1, 0);
  }

  /** HR's {@link #FILE}, or the packaged copy when there is none; an invalid file stops startup. */
  public static SensitiveClassifier shipped(PolicyEmbedder embeddings) {
    try {
      if (Files.isRegularFile(FILE)) {
        try (InputStream in = Files.newInputStream(FILE)) {
          return read(in, FILE.toString(), embeddings);
        }
      }
      try (InputStream in = SensitiveClassifier.class.getClassLoader().getResourceAsStream(PACKAGED)) {
        if (in == null) {
          throw new ConfigException(FILE + " is missing and no copy is packaged: restore it from the repository");
        }
        return read(in, PACKAGED + " (packaged)", embeddings);
      }
    } catch (IOException e) {
      throw new ConfigException(FILE + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Reads {@code threshold}, {@code ordinary_margin}, {@code topics: {name: [examples]}} and {@code ordinary}.
   *
   * @param embeddings the bundled local model; question and examples are both embedded as queries (e5's "query: "
   *     on both sides of a symmetric comparison)
   */
  public static SensitiveClassifier read(InputStream yaml, String label, PolicyEmbedder embeddings) throws IOException {
    Object parsed;
    try {
      parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw new ConfigException(label + " is not valid YAML: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> fields) || !(fields.get("topics") instanceof Map<?, ?> topics)) {
      throw new ConfigException(label + " must have 'topics:' with example questions for each topic");
    }
    double threshold = number(fields, "threshold", label);
    double margin = number(fields, "ordinary_margin", label);
    List<String> sensitiveTopics = new ArrayList<>();
    List<float[]> sensitive = new ArrayList<>();
    for (Map.Entry<?, ?> topic : topics.entrySet()) {
      List<String> examples = strings(topic.getValue());
      if (examples.isEmpty()) {
        throw new ConfigException(label + ": topic '" + topic.getKey() + "' has no example questions");
      }
      for (String q : examples) {
        sensitiveTopics.add(String.valueOf(topic.getKey()));
        sensitive.add(embeddings.query(q));
      }
    }
    List<String> ordinaryTopics = new ArrayList<>();
    List<float[]> ordinary = new ArrayList<>();
    for (String q : strings(fields.get("ordinary"))) {
      ordinaryTopics.add("");
      ordinary.add(embeddings.query(q));
    }
    return new SensitiveClassifier(Examples.of(sensitiveTopics, sensitive), Examples.of(ordinaryTopics, ordinary),
        Optional.of(embeddings), threshold, margin);
  }

  /** The same examples with other thresholds, to measure them. */
  public SensitiveClassifier withThresholds(double threshold, double margin) {
    return new SensitiveClassifier(sensitive, ordinary, embeddings, threshold, margin);
  }

  public double threshold() {
    return threshold;
  }

  public double margin() {
    return margin;
  }

  /** Whether the question is sensitive. */
  public boolean flags(String question) {
    return verdict(question).flagged(threshold, margin);
  }

  /** How the question scored against the rules and the examples. */
  public Verdict verdict(String question) {
    Set<String> rules = new TreeSet<>();
    SensitiveTopics.of(question).forEach(t -> rules.add(t.name().toLowerCase(java.util.Locale.ROOT)));
    boolean personal = SensitiveTopics.personal(question);
    if (embeddings.isEmpty() || sensitive.isEmpty()) {
      return new Verdict(rules, personal, "", 0, 0);
    }
    float[] asked = embeddings.get().query(question);
    double[] toSensitive = sensitive.vectors().similarities(asked);
    int nearest = 0;
    for (int i = 1; i < toSensitive.length; i++) {
      // the first of equally close examples, as Stream.max would choose
      if (toSensitive[i] > toSensitive[nearest]) {
        nearest = i;
      }
    }
    double near = ExampleVectors.meanOfNearest(toSensitive, NEAREST);
    double nearOrdinary = ExampleVectors.meanOfNearest(ordinary.vectors().similarities(asked), NEAREST);
    return new Verdict(rules, personal, sensitive.topics().get(nearest), near, nearOrdinary);
  }

  /** Every example question, so that a gold set can be checked not to repeat them. */
  public static List<String> exampleQuestions(InputStream yaml) throws IOException {
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>();
    if (parsed instanceof Map<?, ?> fields) {
      if (fields.get("topics") instanceof Map<?, ?> topics) {
        topics.values().forEach(v -> all.addAll(strings(v)));
      }
      all.addAll(strings(fields.get("ordinary")));
    }
    return all;
  }

  private static double number(Map<?, ?> fields, String key, String label) {
    if (fields.get(key) instanceof Number n) {
      return n.doubleValue();
    }
    throw new ConfigException(label + ": '" + key + "' must be a number");
  }

  private static List<String> strings(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item != null && !(item instanceof Map) && !(item instanceof Collection)) {
          String s = String.valueOf(item).strip();
          if (!s.isEmpty()) {
            values.add(s);
          }
        }
      }
    }
    return values;
  }
}
