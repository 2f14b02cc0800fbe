package io.askhr.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import io.askhr.question.Reply;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An answer as a Teams message. Every answer carries the AI-generated label. Where Teams renders citations, the text
 * with its {@code [n]} markers, one citation per source, Teams' thumbs for feedback and a small card with "Talk to
 * HR"; elsewhere (channels) the Adaptive Card with sources and buttons.
 */
final class AnswerMessage {

  private AnswerMessage() {}

  /** @param nativeCitations true in personal and group chats */
  static Activity of(String answerId, Reply reply, boolean nativeCitations) {
    if (!nativeCitations) {
      Activity card = TeamsBot.cardActivity(AnswerCard.answer(answerId, reply, reply.isAnswer(), true, List.of()));
      card.setEntities(List.of(entity(AiMessage.entity(reply, false))));
      return card;
    }
    Activity message = Activity.createMessageActivity();
    message.setText(reply.text());
    message.setTextFormat(TextFormatTypes.MARKDOWN);
    message.setEntities(List.of(entity(AiMessage.entity(reply, true))));
    ObjectNode channelData = Serialization.createObjectNode();
    if (reply.isAnswer()) {
      channelData.put("feedbackLoopEnabled", true);
      Attachment followUp = new Attachment();
      followUp.setContentType(AnswerCard.CONTENT_TYPE);
      followUp.setContent(AnswerCard.followUp(answerId, reply));
      message.setAttachments(List.of(followUp));
    }
    message.setChannelData(channelData);
    return message;
  }

  /** A Bot Framework entity with the JSON object's type and its other fields as properties. */
  static Entity entity(ObjectNode json) {
    Entity entity = new Entity();
    entity.setType(json.path("type").asText());
    for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("type")) {
        entity.setProperties(field.getKey(), field.getValue());
      }
    }
    return entity;
  }
}
