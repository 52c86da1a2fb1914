package com.aftersales.cases;

import static com.aftersales.cases.CaseVariables.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.shop.BuyerMessage;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Messages to the buyer, recorded only once they went out. A message on the buyer's platform refund
 * goes through the shop port; everything else is chat, which no API sends: the step puts the exact
 * text on the agent's form ({@link #prepare}), the agent sends it in Qianniu and ticks {@code
 * buyerMessageSent}, and the task's completion records it ({@link #confirmSent}) with the agent's
 * name and the time, in the back office's message record and on the case timeline.
 *
 * <p>Models call it as the bean {@code buyerMessages}, e.g. a user task's complete listener {@code
 * ${buyerMessages.confirmSent(task, 'RETURN_ADDRESS')}}.
 */
@Component("buyerMessages")
public class BuyerMessages {

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  BuyerMessages(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  /** Puts the text the agent is to send on the coming form, unticked. */
  public void prepare(VariableScope scope, String text) {
    BUYER_MESSAGE_TEXT.set(scope, text);
    BUYER_MESSAGE_SENT.set(scope, false);
  }

  /**
   * On completing a task that showed {@link CaseVariables#BUYER_MESSAGE_TEXT}: refuses without the
   * agent's tick, else records the message as sent by the agent now and clears the tick.
   */
  public SentMessage confirmSent(DelegateTask task, String purpose) {
    String text = BUYER_MESSAGE_TEXT.get(task);
    if (text == null || text.isBlank()) {
      throw new IllegalStateException(
          "no buyer message prepared for " + task.getTaskDefinitionKey());
    }
    if (!Boolean.TRUE.equals(BUYER_MESSAGE_SENT.get(task))) {
      throw new InvalidInputException(
          BUYER_MESSAGE_SENT, "请先在千牛把“" + BUYER_MESSAGE_TEXT.label() + "”里的话发给买家，再勾选“已在千牛发送给买家”");
    }
    String agent = CaseTimeline.actor(task);
    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.sentByAgent(
                ORDER_ID.get(task),
                task.getExecution().getProcessBusinessKey(),
                MessagePurpose.valueOf(purpose),
                text,
                agent == null ? "unknown" : agent));
    BUYER_MESSAGE_SENT.set(task, false);
    timeline.record(
        task.getExecution().getProcessBusinessKey(),
        task.getTaskDefinitionKey(),
        task.getName(),
        agent,
        describe(sent));
    return sent;
  }

  /** Sends {@code text} as a message on the buyer's platform refund {@code refundId}. */
  public SentMessage sendOnRefund(
      DelegateExecution execution, MessagePurpose purpose, String refundId, String text) {
    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.onRefund(
                ORDER_ID.get(execution),
                execution.getProcessBusinessKey(),
                purpose,
                text,
                refundId));
    timeline.record(execution, describe(sent));
    return sent;
  }

  /** How the timeline tells a sent message. */
  public static String describe(SentMessage sent) {
    return "已发给买家（"
        + sent.purpose().label()
        + "，"
        + sent.channel().label()
        + ("local".equals(sent.adapter()) ? "，本地演示后台" : "")
        + "）："
        + sent.text();
  }
}
