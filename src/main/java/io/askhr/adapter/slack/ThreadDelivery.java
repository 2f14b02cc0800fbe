package io.askhr.adapter.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.askhr.question.Reply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers in a conversation: a placeholder message posted at once and updated with the answer. A sensitive answer
 * in a shared conversation goes to the asker alone (ephemeral), and the thread only says so.
 */
final class ThreadDelivery implements Delivery {

  private static final Logger log = LoggerFactory.getLogger(ThreadDelivery.class);
  static final String ANSWERED_PRIVATELY =
      "This looks like a personal matter, so I've answered you privately (only you can see it).";

  private final MethodsClient client;
  private final String channel;
  private final String threadTs;
  private final String userId;
  private final boolean shared;
  private volatile String placeholderTs;

  /**
   * @param threadTs the thread to answer in; null answers at the top level (a direct message)
   * @param shared true for channels and group conversations, where others read along
   */
  ThreadDelivery(MethodsClient client, String channel, String threadTs, String userId, boolean shared) {
    this.client = client;
    this.channel = channel;
    this.threadTs = threadTs;
    this.userId = userId;
    this.shared = shared;
  }

  @Override
  public void placeholder() throws Exception {
    ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
        .text(PLACEHOLDER));
    SlackCallFailedException.check("chat.postMessage", posted.isOk(), posted.getError());
    placeholderTs = posted.getTs();
  }

  @Override
  public void answer(Reply reply, String answerId, String question) throws Exception {
    if (shared && reply.has(Reply.Flag.SENSITIVE)) {
      ChatPostEphemeralResponse privately = client.chatPostEphemeral(r -> r.channel(channel).user(userId)
          .threadTs(threadTs).text(AnswerBlocks.fallback(reply))
          .blocks(AnswerBlocks.answer(reply, answerId, question, false)));
      SlackCallFailedException.check("chat.postEphemeral", privately.isOk(), privately.getError());
      update(ANSWERED_PRIVATELY, List.of(section(s -> s.text(markdownText(ANSWERED_PRIVATELY)))));
      return;
    }
    ChatUpdateResponse updated = client.chatUpdate(r -> r.channel(channel).ts(placeholderTs)
        .text(AnswerBlocks.fallback(reply)).blocks(AnswerBlocks.answer(reply, answerId, question, false)));
    SlackCallFailedException.check("chat.update", updated.isOk(), updated.getError());
  }

  @Override
  public void apologise(String text) {
    try {
      if (placeholderTs == null) {
        client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text));
      } else {
        update(text, List.of(section(s -> s.text(markdownText(SlackMarkup.escape(text))))));
      }
    } catch (Exception e) {
      log.error("Could not tell the asker in {} that answering failed ({})", channel, e.getClass().getSimpleName());
    }
  }

  private void update(String text, List<com.slack.api.model.block.LayoutBlock> blocks) throws Exception {
    ChatUpdateResponse updated = client.chatUpdate(r -> r.channel(channel).ts(placeholderTs).text(text)
        .blocks(blocks));
    SlackCallFailedException.check("chat.update", updated.isOk(), updated.getError());
  }
}
