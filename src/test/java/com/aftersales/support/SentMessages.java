package com.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Variable;
import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseVariables;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * What the tests of the buyer messages read: the messages recorded for a case (the back office's
 * {@code buyer_message}), the text a task shows the agent, and the timeline entry of a message.
 */
public final class SentMessages {

  /** What completing a task without ticking that its message was sent is refused with. */
  public static final String NOT_TICKED = "请先在千牛把“发给买家的话（复制到千牛发送）”里的话发给买家，再勾选“已在千牛发送给买家”";

  private final ShopBackOffice shop;
  private final TaskService tasks;
  private final CaseRepository cases;

  public SentMessages(ShopBackOffice shop, TaskService tasks, CaseRepository cases) {
    this.shop = shop;
    this.tasks = tasks;
    this.cases = cases;
  }

  /** The messages of one purpose recorded for the case, oldest first. */
  public List<SentMessage> of(String caseId, MessagePurpose purpose) {
    return shop.buyerMessages(caseId).stream().filter(m -> m.purpose() == purpose).toList();
  }

  /** The purposes recorded for the case, in order. */
  public List<MessagePurpose> purposes(String caseId) {
    return shop.buyerMessages(caseId).stream().map(SentMessage::purpose).toList();
  }

  /** The message text the task shows the agent (null when the form hides it). */
  public String shown(Task task) {
    return text(task, CaseVariables.BUYER_MESSAGE_TEXT);
  }

  /** The reminder the task shows the agent (null when none was added). */
  public String reminder(Task task) {
    return text(task, CaseVariables.BUYER_REMINDER_TEXT);
  }

  private String text(Task task, Variable<String> variable) {
    return (String) tasks.getVariableLocal(task.getId(), variable.name());
  }

  /**
   * The one message of this purpose: sent in Qianniu by {@code agent}, exactly the text the form
   * showed, and told on the case's timeline.
   */
  public SentMessage sentInChat(String caseId, MessagePurpose purpose, String agent, String text) {
    List<SentMessage> sent = of(caseId, purpose);
    assertThat(sent).as("%s messages of %s", purpose, caseId).hasSize(1);
    SentMessage m = sent.get(0);
    assertThat(m.channel()).isEqualTo(MessageChannel.QIANNIU);
    assertThat(m.sentBy()).isEqualTo(agent);
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.refundId()).isNull();
    assertThat(cases.timeline(caseId).stream().map(CaseEvent::detail))
        .contains("已发给买家（" + purpose.label() + "，千牛聊天（客服发送后确认），本地演示后台）：" + text);
    return m;
  }
}
