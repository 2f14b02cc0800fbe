package io.askhr.adapter.slack;

import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import io.askhr.question.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a slash command through its response URL: only the asker sees the answer, and a "Share in channel"
 * button can post it for everyone. The placeholder is the command's acknowledgement itself.
 */
final class ResponseUrlDelivery implements Delivery {

  private static final Logger log = LoggerFactory.getLogger(ResponseUrlDelivery.class);

  private final Responder responder;

  ResponseUrlDelivery(Responder responder) {
    this.responder = responder;
  }

  @Override
  public void placeholder() {
    // The command's ack already showed the placeholder to the asker.
  }

  @Override
  public void answer(Reply reply, String answerId, String question) throws Exception {
    WebhookResponse sent = responder.sendToAction(r -> r.responseType("ephemeral").replaceOriginal(true)
        .text(AnswerBlocks.fallback(reply)).blocks(AnswerBlocks.answer(reply, answerId, question, true)));
    if (sent.getCode() == null || sent.getCode() / 100 != 2) {
      throw new SlackCallFailedException("response_url", "HTTP " + sent.getCode());
    }
  }

  @Override
  public void apologise(String text) {
    try {
      responder.sendToAction(r -> r.responseType("ephemeral").replaceOriginal(true).text(text));
    } catch (Exception e) {
      log.error("Could not tell the asker that answering failed ({})", e.getClass().getSimpleName());
    }
  }
}
