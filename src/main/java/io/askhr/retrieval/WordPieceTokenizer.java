package io.askhr.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BERT tokenizer of the bundled embedding models, read from the model's {@code tokenizer.json}: HuggingFace's
 * {@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece} model and {@code [CLS] $A [SEP]} template, in
 * plain Java. It gives the ids of the HuggingFace tokenizers library as DJL runs it for LangChain4j (truncated to
 * the model's length), without that library's native code (about 10 MB of the jar); {@code WordPieceParityTest}
 * compares the two. A tokenizer file of another kind is refused rather than read approximately.
 */
final class WordPieceTokenizer {

  /** DJL's length when the file sets none: BERT models read at most 512 positions. */
  private static final int MODEL_MAX_LENGTH = 512;
  private static final String CONTINUATION = "##";
  /**
   * Marks, format characters and punctuation of Unicode 10 to 13 (rare scripts) that HuggingFace's character tables,
   * which are older than Java 17's, do not know: it keeps them as letters. Pairs of first and last code point, found by
   * {@code WordPieceParityTest}'s sweep of every code point.
   */
  private static final int[] NEWER_THAN_HUGGING_FACE = {
      0x8D3, 0x8E2, 0x9FD, 0x9FE, 0xA76, 0xA76, 0xAFA, 0xAFF, 0xB55, 0xB55, 0xC04, 0xC04, 0xC77, 0xC77, 0xC84, 0xC84,
      0xD00, 0xD00, 0xD3B, 0xD3C, 0xEBA, 0xEBA, 0x1885, 0x1886, 0x1ABF, 0x1AC0, 0x1DF6, 0x1DF9, 0x1DFB, 0x1DFB,
      0x2E43, 0x2E4F, 0x2E52, 0x2E52, 0xA8C5, 0xA8C5, 0xA8FF, 0xA8FF, 0xA9BD, 0xA9BD, 0x10D24, 0x10D27,
      0x10EAB, 0x10EAD, 0x10F46, 0x10F50, 0x10F55, 0x10F59, 0x111C9, 0x111C9, 0x111CF, 0x111CF, 0x1123E, 0x1123E,
      0x1133B, 0x1133B, 0x11438, 0x1143F, 0x11442, 0x11444, 0x11446, 0x11446, 0x1144B, 0x1144F, 0x1145A, 0x1145B,
      0x1145D, 0x1145E, 0x11660, 0x1166C, 0x1182F, 0x11837, 0x11839, 0x1183B, 0x1193B, 0x1193C, 0x1193E, 0x1193E,
      0x11943, 0x11946, 0x119D4, 0x119D7, 0x119DA, 0x119DB, 0x119E0, 0x119E0, 0x119E2, 0x119E2, 0x11A01, 0x11A0A,
      0x11A33, 0x11A38, 0x11A3B, 0x11A47, 0x11A51, 0x11A56, 0x11A59, 0x11A5B, 0x11A8A, 0x11A96, 0x11A98, 0x11A9C,
      0x11A9E, 0x11AA2, 0x11C30, 0x11C36, 0x11C38, 0x11C3D, 0x11C3F, 0x11C3F, 0x11C41, 0x11C45, 0x11C70, 0x11C71,
      0x11C92, 0x11CA7, 0x11CAA, 0x11CB0, 0x11CB2, 0x11CB3, 0x11CB5, 0x11CB6, 0x11D31, 0x11D36, 0x11D3A, 0x11D3A,
      0x11D3C, 0x11D3D, 0x11D3F, 0x11D45, 0x11D47, 0x11D47, 0x11D90, 0x11D91, 0x11D95, 0x11D95, 0x11D97, 0x11D97,
      0x11EF3, 0x11EF4, 0x11EF7, 0x11EF8, 0x11FFF, 0x11FFF, 0x13430, 0x13438, 0x16E97, 0x16E9A, 0x16F4F, 0x16F4F,
      0x16FE2, 0x16FE2, 0x16FE4, 0x16FE4, 0x1E000, 0x1E006, 0x1E008, 0x1E018, 0x1E01B, 0x1E021, 0x1E023, 0x1E024,
      0x1E026, 0x1E02A, 0x1E130, 0x1E136, 0x1E2EC, 0x1E2EF, 0x1E944, 0x1E94A, 0x1E95E, 0x1E95F};
  /** CANADIAN SYLLABICS CHI SIGN and SHARADA SANDHI MARK: punctuation in older Unicode, and so to HuggingFace. */
  private static final int[] OLD_PUNCTUATION = {0x166D, 0x111C9};

  private final Map<String, Integer> vocabulary;
  private final String[] tokens;
  /** Tokens such as [UNK] and [SEP] that are matched in the raw text, before normalisation. */
  private final Map<String, Integer> specialTokens;
  private final int unknown;
  private final int cls;
  private final int sep;
  private final int maxWordLength;
  /** Word pieces kept between [CLS] and [SEP]. */
  private final int maxPieces;
  /** No vocabulary entry is longer: bounds the longest-match search. */
  private final int longestEntry;
  private final boolean cleanText;
  private final boolean chineseChars;
  private final boolean stripAccents;
  private final boolean lowercase;

  private WordPieceTokenizer(JsonNode json) throws IOException {
    JsonNode normalizer = json.path("normalizer");
    JsonNode model = json.path("model");
    require(normalizer.path("type").asText().equals("BertNormalizer"), "a BertNormalizer");
    require(json.path("pre_tokenizer").path("type").asText().equals("BertPreTokenizer"), "a BertPreTokenizer");
    require(model.path("type").asText().equals("WordPiece"), "a WordPiece model");
    require(model.path("continuing_subword_prefix").asText(CONTINUATION).equals(CONTINUATION), "the ## prefix");

    vocabulary = new HashMap<>();
    int size = 0;
    int longest = 0;
    for (Map.Entry<String, JsonNode> entry : model.path("vocab").properties()) {
      vocabulary.put(entry.getKey(), entry.getValue().asInt());
      size = Math.max(size, entry.getValue().asInt() + 1);
      longest = Math.max(longest, entry.getKey().length());
    }
    specialTokens = new HashMap<>();
    for (JsonNode added : json.path("added_tokens")) {
      // what the bundled files use; other matching rules would change where the tokens are found
      require(!added.path("normalized").asBoolean() && !added.path("lstrip").asBoolean()
          && !added.path("rstrip").asBoolean() && !added.path("single_word").asBoolean()
          && !added.path("content").asText().isEmpty(), "plain added tokens");
      specialTokens.put(added.path("content").asText(), added.path("id").asInt());
      size = Math.max(size, added.path("id").asInt() + 1);
    }
    tokens = new String[size];
    vocabulary.forEach((token, id) -> tokens[id] = token);
    specialTokens.forEach((token, id) -> tokens[id] = token);
    longestEntry = longest;
    unknown = id(model.path("unk_token").asText("[UNK]"));
    cls = id("[CLS]");
    sep = id("[SEP]");
    maxWordLength = model.path("max_input_chars_per_word").asInt(100);
    int maxLength = json.path("truncation").path("max_length").asInt(MODEL_MAX_LENGTH);
    require(maxLength > 2, "a length past [CLS] and [SEP]");
    maxPieces = Math.min(maxLength, MODEL_MAX_LENGTH) - 2;

    cleanText = normalizer.path("clean_text").asBoolean(true);
    chineseChars = normalizer.path("handle_chinese_chars").asBoolean(true);
    lowercase = normalizer.path("lowercase").asBoolean(true);
    // unset means "as lowercase" (HuggingFace's rule)
    JsonNode strip = normalizer.path("strip_accents");
    stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
  }

  /** Reads a HuggingFace {@code tokenizer.json} of a BERT WordPiece model. */
  static WordPieceTokenizer read(InputStream json) throws IOException {
    return new WordPieceTokenizer(new ObjectMapper().readTree(json));
  }

  /** The ids of a text: [CLS], the word pieces of its beginning (as many as the model reads), [SEP]. */
  int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    int start = 0;
    while (start < text.length() && ids.size() <= maxPieces) {
      int special = text.length();
      String found = null;
      for (String token : specialTokens.keySet()) {
        int at = text.indexOf(token, start);
        if (at >= 0 && (at < special || at == special && token.length() > found.length())) {
          special = at;
          found = token;
        }
      }
      addWords(normalise(text.substring(start, special)), ids);
      if (found == null) {
        break;
      }
      ids.add(specialTokens.get(found));
      start = special + found.length();
    }
    int[] encoded = new int[Math.min(ids.size(), maxPieces + 1) + 1];
    for (int i = 0; i < encoded.length - 1; i++) {
      encoded[i] = ids.get(i);
    }
    encoded[encoded.length - 1] = sep;
    return encoded;
  }

  /** The token of an id, such as {@code ##ing}. */
  String token(int id) {
    return tokens[id];
  }

  private int id(String token) throws IOException {
    Integer id = specialTokens.getOrDefault(token, vocabulary.get(token));
    require(id != null, "the token " + token);
    return id;
  }

  /** BertNormalizer: drops control characters, spaces out CJK ideographs, strips accents, lowercases. */
  private String normalise(String text) {
    StringBuilder cleaned = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> {
      if (cleanText && (c == 0 || c == 0xFFFD || isControl(c))) {
        return;
      }
      if (cleanText && isWhitespace(c)) {
        cleaned.append(' ');
      } else if (chineseChars && isChinese(c)) {
        cleaned.append(' ').appendCodePoint(c).append(' ');
      } else {
        cleaned.appendCodePoint(c);
      }
    });
    String normal = cleaned.toString();
    if (stripAccents && !Normalizer.isNormalized(normal, Normalizer.Form.NFD)) {
      normal = Normalizer.normalize(normal, Normalizer.Form.NFD);
    }
    if (!stripAccents && !lowercase) {
      return normal;
    }
    StringBuilder out = new StringBuilder(normal.length());
    normal.codePoints().forEach(c -> {
      if (stripAccents && Character.getType(c) == Character.NON_SPACING_MARK && !newerThanHuggingFace(c)) {
        return;
      }
      if (lowercase && c == 0x130) {
        out.append("i\u0307"); // the one character whose lowercase is two (when accents are kept)
      } else {
        out.appendCodePoint(lowercase ? Character.toLowerCase(c) : c);
      }
    });
    return out.toString();
  }

  /** BertPreTokenizer: words end at whitespace, and each punctuation character is a word of its own. */
  private void addWords(String text, List<Integer> ids) {
    int wordStart = 0;
    int i = 0;
    while (i < text.length() && ids.size() <= maxPieces) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (isWhitespace(c) || isPunctuation(c)) {
        addPieces(text, wordStart, i, ids);
        if (isPunctuation(c)) {
          addPieces(text, i, next, ids);
        }
        wordStart = next;
      }
      i = next;
    }
    addPieces(text, wordStart, text.length(), ids);
  }

  /** WordPiece: the longest vocabulary entry from the start of the word, then "##" entries; else the word is [UNK]. */
  private void addPieces(String text, int from, int to, List<Integer> ids) {
    if (from >= to || ids.size() > maxPieces) {
      return;
    }
    if (text.codePointCount(from, to) > maxWordLength) {
      ids.add(unknown);
      return;
    }
    List<Integer> pieces = new ArrayList<>();
    int start = from;
    while (start < to) {
      Integer piece = null;
      int end = Math.min(to, start + longestEntry);
      if (end < to && Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
      while (end > start) {
        String candidate = start == from ? text.substring(start, end) : CONTINUATION + text.substring(start, end);
        piece = vocabulary.get(candidate);
        if (piece != null) {
          break;
        }
        end -= Character.isLowSurrogate(text.charAt(end - 1)) && end - 2 >= start ? 2 : 1;
      }
      if (piece == null) {
        ids.add(unknown);
        return;
      }
      pieces.add(piece);
      start = end;
    }
    ids.addAll(pieces);
  }

  private static boolean isWhitespace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, 0x0C, '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /** Control, format and private-use characters (unassigned code points stay, as in HuggingFace's normaliser). */
  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE) && !newerThanHuggingFace(c);
  }

  /** ASCII symbols count as punctuation too, as in BERT. */
  private static boolean isPunctuation(int c) {
    if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126
        || c == OLD_PUNCTUATION[0] || c == OLD_PUNCTUATION[1]) {
      return true;
    }
    if (c < 0x80 || newerThanHuggingFace(c)) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean newerThanHuggingFace(int c) {
    if (c < NEWER_THAN_HUGGING_FACE[0]) {
      return false;
    }
    int at = Arrays.binarySearch(NEWER_THAN_HUGGING_FACE, c);
    // found: a first or last code point; otherwise inside a pair when the insertion point is odd
    return at >= 0 || (-at - 1) % 2 == 1;
  }

  /** The CJK ideograph blocks that BERT splits into single characters. */
  private static boolean isChinese(int c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
        || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B920 && c <= 0x2CEAF
        || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
  }

  private static void require(boolean condition, String what) throws IOException {
    if (!condition) {
      throw new IOException("unsupported tokenizer file: AskHR reads BERT WordPiece tokenizers, and this one lacks "
          + what);
    }
  }
}
