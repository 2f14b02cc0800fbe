package io.askhr.adapter.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab: what AskHR answers, example questions and how to reach HR. */
final class AppHome {

  private static final Logger log = LoggerFactory.getLogger(AppHome.class);
  static final List<String> EXAMPLES = List.of(
      "How is my pay reviewed this year, and what does productivity have to do with it?",
      "My role is changing because of the reorganisation. What are my options?",
      "How much notice and severance do I get if my position is made redundant?",
      "How many days of parental leave can I take?",
      "Can I apply for an internal transfer during the hiring freeze?");

  private final MethodsClient client;
  private final String company;
  private final String hrContact;
  private final Executor work;

  AppHome(MethodsClient client, String company, String hrContact, Executor work) {
    this.client = client;
    this.company = company;
    this.hrContact = hrContact;
    this.work = work;
  }

  void register(App app) {
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent event = payload.getEvent();
      if ("home".equals(event.getTab())) {
        work.execute(() -> publish(event.getUser()));
      }
      return ctx.ack();
    });
  }

  private void publish(String userId) {
    try {
      var published = client.viewsPublish(r -> r.userId(userId).view(View.builder().type("home").blocks(blocks())
          .build()));
      if (!published.isOk()) {
        log.warn("views.publish failed: {}", published.getError());
      }
    } catch (Exception e) {
      log.warn("views.publish failed ({})", e.getClass().getSimpleName());
    }
  }

  List<LayoutBlock> blocks() {
    StringBuilder examples = new StringBuilder();
    EXAMPLES.forEach(e -> examples.append("• ").append(SlackMarkup.escape(e)).append('\n'));
    return List.of(
        header(h -> h.text(plainText("AskHR: answers from " + company + "'s HR policies"))),
        section(s -> s.text(markdownText("Ask me about *pay and pay reviews*, *role changes and reorganisation*,"
            + " *redundancy and notice*, *benefits*, *leave* and *internal mobility*. I answer from the policies HR"
            + " publishes and cite them, and I tell you when they do not cover your question."))),
        section(s -> s.text(markdownText("*How to ask*\n• Send me a direct message\n• Mention me in a channel:"
            + " `@AskHR how many days of leave do I get?`\n• Type `/askhr` and your question: only you see the"
            + " answer"))),
        section(s -> s.text(markdownText("*Try asking*\n" + examples))),
        divider(),
        section(s -> s.text(markdownText("*Talk to a person*\nFor anything personal, or when my answer is not"
            + " enough, press *Talk to HR* under an answer or contact " + SlackMarkup.escape(hrContact) + "."))),
        context(c -> c.elements(List.of(markdownText("Personal questions asked in a channel are answered privately."
            + " HR sees the questions asked (without your name) to improve the policies.")))));
  }
}
