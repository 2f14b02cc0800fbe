package io.askhr.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.askhr.question.Reply;
import io.askhr.question.SentCards;

/**
 * A {@link Reply} (and a Teams card's {@link SentCards.CardState}) as JSON, so that another replica can share or redraw
 * it. Unknown fields are ignored, so that
 * replicas of the next and the previous release read each other's replies during a rolling update.
 */
final class ReplyJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReplyJson() {}

  static String write(Reply reply) {
    try {
      return JSON.writeValueAsString(reply);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a reply is plain data and always serialises", e);
    }
  }

  /** The reply, or throws {@link JsonProcessingException} for JSON this release cannot read. */
  static Reply read(String json) throws JsonProcessingException {
    return JSON.readValue(json, Reply.class);
  }

  static String write(SentCards.CardState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a card's state is plain data and always serialises", e);
    }
  }

  static SentCards.CardState readCardState(String json) throws JsonProcessingException {
    return JSON.readValue(json, SentCards.CardState.class);
  }
}
