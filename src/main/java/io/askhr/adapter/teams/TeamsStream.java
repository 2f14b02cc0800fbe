package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import io.askhr.question.AnswerStream;
import io.askhr.question.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer streamed into a Teams 1:1 chat with the {@code streaminfo} protocol: an informative update first (its
 * activity id becomes the stream id), then each verified sentence as a streaming update carrying all text so far,
 * then the final message, which replaces what was streamed.
 */
final class TeamsStream implements AnswerStream {

  private static final Logger log = LoggerFactory.getLogger(TeamsStream.class);
  /** Teams accepts about one streaming update a second; a sentence that comes sooner waits for the next one. */
  static final long MIN_GAP_NANOS = 1_000_000_000L;

  private final TurnContext turn;
  private final StringBuilder text = new StringBuilder();
  private String streamId;
  private int sequence;
  private long lastUpdate;
  private boolean sentenceShown;
  private boolean broken;
  private boolean opened;

  TeamsStream(TurnContext turn) {
    this.turn = turn;
  }

  /** Opens the stream with the informative update, once (the first sentence opens it if it comes first). */
  synchronized void open() {
    if (opened) {
      return;
    }
    opened = true;
    // The answer flow has not told the language yet: the question's own, detected here for this one line.
    Locale language = LanguageDetector.shared().detect(TeamsBot.questionText(turn.getActivity()));
    ResourceResponse sent = send(update(TeamsTexts.searching(language), "informative"));
    if (sent != null && sent.getId() != null) {
      streamId = sent.getId();
    } else {
      broken = true;
    }
  }

  @Override
  public synchronized void verified(String piece) {
    text.append(piece);
    open();
    long now = System.nanoTime();
    // The first sentence goes at once: it is what the employee waits for.
    if (broken || streamId == null || (sentenceShown && now - lastUpdate < MIN_GAP_NANOS)) {
      return;
    }
    if (send(update(text.toString(), "streaming")) != null) {
      sentenceShown = true;
      lastUpdate = now;
    }
  }

  /**
   * Sends the final message as the end of the stream (or on its own, when the stream never opened). Returns its id:
   * the stream's id when the connector gives none, as the final message is the streamed message.
   */
  synchronized ResourceResponse finish(Activity message) {
    if (streamId != null && !broken) {
      List<Entity> entities = new ArrayList<>(message.getEntities() == null ? List.of() : message.getEntities());
      entities.add(streamInfo("final", null));
      message.setEntities(entities);
      ObjectNode channelData = message.getChannelData() == null ? Serialization.createObjectNode()
          : (ObjectNode) Serialization.objectToTree(message.getChannelData());
      channelData.put("streamId", streamId).put("streamType", "final");
      message.setChannelData(channelData);
      ResourceResponse sent = turn.sendActivity(message).join();
      return sent == null || sent.getId() == null || sent.getId().isBlank() ? new ResourceResponse(streamId) : sent;
    }
    return turn.sendActivity(message).join();
  }

  /** The stream's id, which is also the final message's id in Teams; empty until the stream opened. */
  synchronized Optional<String> id() {
    return Optional.ofNullable(broken ? null : streamId);
  }

  private Activity update(String content, String type) {
    Activity update = new Activity(ActivityTypes.TYPING);
    update.setText(content);
    update.setTextFormat(TextFormatTypes.MARKDOWN);
    sequence++;
    update.setEntities(List.of(streamInfo(type, sequence)));
    ObjectNode channelData = Serialization.createObjectNode().put("streamType", type).put("streamSequence", sequence);
    if (streamId != null) {
      channelData.put("streamId", streamId);
    }
    update.setChannelData(channelData);
    return update;
  }

  private Entity streamInfo(String type, Integer sequence) {
    Entity entity = new Entity();
    entity.setType("streaminfo");
    entity.setProperties("streamType", Serialization.objectToTree(type));
    if (sequence != null) {
      entity.setProperties("streamSequence", Serialization.objectToTree(sequence));
    }
    if (streamId != null) {
      entity.setProperties("streamId", Serialization.objectToTree(streamId));
    }
    return entity;
  }

  private ResourceResponse send(Activity activity) {
    try {
      return turn.sendActivity(activity).join();
    } catch (RuntimeException e) {
      // The final message still carries the whole answer; a stream update that fails is not worth more.
      log.warn("A Teams streaming update failed ({}); the answer comes whole", e.getClass().getSimpleName());
      broken = true;
      return null;
    }
  }
}
