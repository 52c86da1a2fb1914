package com.aftersales.cases;

import static com.aftersales.cases.CaseVariables.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Variable;
import com.aftersales.shop.BuyerMessage;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Messages to the buyer, recorded only once they went out. A message on the buyer's platform refund
 * goes through the shop port; everything else is chat, which no API sends: the step puts the exact
 * text on the agent's form ({@link #prepare}), the agent sends it in Qianniu and ticks {@code
 * buyerMessageSent}, and the task's completion records it ({@link #confirmSent}) with the agent's
 * name and the time, in the back office's message record and on the case timeline.
 *
 * <p>Models call it as the bean {@code buyerMessages}: a user task's create listener prepares the
 * text (through the feature that words it), its complete listener confirms, e.g. {@code
 * ${buyerMessages.confirmSent(task, 'RETURN_ADDRESS')}}, placed after the task's own checks so a
 * refused completion records nothing. A reminder whose deadline passes while the task is open is
 * added to that task ({@link #prepareReminder}) and recorded only if the agent ticks it ({@link
 * #confirmReminder}): the buyer may have answered before the agent got to send it.
 */
@Component("buyerMessages")
public class BuyerMessages {

  /** An open task that got a reminder moves up the lists (escalated tasks stand higher still). */
  public static final int REMINDER_PRIORITY = 70;

  private static final DateTimeFormatter BUYER_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final TaskService tasks;
  private final ZoneId zone;

  BuyerMessages(ShopBackOffice shop, CaseTimeline timeline, TaskService tasks, Clock clock) {
    this.shop = shop;
    this.timeline = timeline;
    this.tasks = tasks;
    this.zone = clock.getZone();
  }

  /**
   * Puts the text the agent is to send on the coming form, unticked. On a task the text is the
   * task's own (a later form never shows it by mistake); the tick is the case's, as forms submit
   * it, so an earlier task's tick is removed (not set to false: a form fills a field that has a
   * value with that value, and the tick must be the agent's own).
   */
  public void prepare(VariableScope scope, String text) {
    if (scope instanceof DelegateTask task) {
      BUYER_MESSAGE_TEXT.setLocal(task, text);
    } else {
      BUYER_MESSAGE_TEXT.set(scope, text);
    }
    scope.removeVariable(BUYER_MESSAGE_SENT.name());
  }

  /**
   * Prepares {@code text} unless a message of this purpose already reached the buyer of this case
   * (a task visited again after a rejection does not ask for the apology twice).
   *
   * @return whether the text was prepared
   */
  public boolean prepareOnce(DelegateTask task, MessagePurpose purpose, String text) {
    if (wasSent(task.getExecution().getProcessBusinessKey(), purpose)) {
      return false;
    }
    prepare(task, text);
    return true;
  }

  /**
   * Create listener of the task where the agent first talks to the buyer: the case kind's apology
   * with the order and item, once per case. Models: {@code ${buyerMessages.prepareApology(task)}}.
   */
  public boolean prepareApology(DelegateTask task) {
    CaseKind kind = CaseKind.valueOf(CASE_KIND.get(task));
    return prepareOnce(
        task,
        MessagePurpose.APOLOGY,
        CannedReplies.apology(kind, ORDER_ID.get(task), ITEM_TITLE.get(task)));
  }

  /** Whether a message of this purpose reached the buyer of case {@code caseId}. */
  public boolean wasSent(String caseId, MessagePurpose purpose) {
    List<SentMessage> sent = caseId == null ? List.of() : shop.buyerMessages(caseId);
    return sent.stream().anyMatch(m -> m.purpose() == purpose);
  }

  /**
   * On completing a task that showed {@link CaseVariables#BUYER_MESSAGE_TEXT}: refuses without the
   * agent's tick, else records the message as sent by the agent now.
   */
  public SentMessage confirmSent(DelegateTask task, String purpose) {
    String text = BUYER_MESSAGE_TEXT.get(task);
    if (text == null || text.isBlank()) {
      if (completedMeanwhile(task)) {
        // another request completed the task while this one read it (the task's text went with
        // it): this completion loses, like any other concurrent one
        throw new OptimisticLockingException(
            "task " + task.getId() + " was completed by another request meanwhile");
      }
      throw new IllegalStateException(
          "no buyer message prepared for " + task.getTaskDefinitionKey());
    }
    return confirm(task, MessagePurpose.valueOf(purpose), text, BUYER_MESSAGE_SENT, true);
  }

  private static boolean completedMeanwhile(DelegateTask task) {
    return task.getProcessEngineServices()
            .getTaskService()
            .createTaskQuery()
            .taskId(task.getId())
            .count()
        == 0;
  }

  /**
   * Like {@link #confirmSent} where the step prepares a message only in some cases (e.g. no
   * platform refund to carry it, or not sent yet): without a prepared text, nothing is asked.
   */
  public SentMessage confirmIfPrepared(DelegateTask task, String purpose) {
    String text = BUYER_MESSAGE_TEXT.getLocal(task);
    if (text == null || text.isBlank()) {
      return null;
    }
    return confirmSent(task, purpose);
  }

  /**
   * Adds a reminder to the open task {@code taskKey} of the execution's process: its text (worded
   * from the task's due date) on the form, the task higher in the lists, and a comment saying so.
   * Nothing is sent: the timeline says the reminder waits for the agent.
   *
   * @return whether an open task took the reminder
   */
  public boolean prepareReminder(
      DelegateExecution execution, String taskKey, Function<Date, String> text) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .list();
    for (Task task : open) {
      tasks.setVariableLocal(
          task.getId(), BUYER_REMINDER_TEXT.name(), text.apply(task.getDueDate()));
      tasks.setPriority(task.getId(), Math.max(task.getPriority(), REMINDER_PRIORITY));
      tasks.createComment(
          task.getId(), task.getProcessInstanceId(), "请在千牛把表单上“提醒买家的话”发给买家，发送后勾选“已在千牛发送提醒”");
      execution.removeVariable(BUYER_REMINDER_SENT.name());
      timeline.record(execution, "提醒买家的话已放到“" + task.getName() + "”任务上，待客服在千牛发送后勾选确认");
    }
    return !open.isEmpty();
  }

  /**
   * On completing a task that may carry a reminder: records it if the agent ticked it; an unticked
   * reminder is not recorded (the buyer may have answered before it was sent).
   */
  public SentMessage confirmReminder(DelegateTask task, String purpose) {
    String text = BUYER_REMINDER_TEXT.getLocal(task);
    if (text == null || text.isBlank()) {
      return null;
    }
    return confirm(task, MessagePurpose.valueOf(purpose), text, BUYER_REMINDER_SENT, false);
  }

  private SentMessage confirm(
      DelegateTask task,
      MessagePurpose purpose,
      String text,
      Variable<Boolean> tick,
      boolean required) {
    if (!Boolean.TRUE.equals(tick.get(task))) {
      if (!required) {
        return null;
      }
      throw new InvalidInputException(
          tick, "请先在千牛把“" + BUYER_MESSAGE_TEXT.label() + "”里的话发给买家，再勾选“" + tick.label() + "”");
    }
    String agent = CaseTimeline.actor(task);
    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.sentByAgent(
                ORDER_ID.get(task),
                task.getExecution().getProcessBusinessKey(),
                purpose,
                text,
                agent == null ? "unknown" : agent));
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

  /** A deadline as a buyer reads it, in shop time, e.g. {@code 12月3日 18:00}; empty without one. */
  public String when(Date date) {
    return date == null ? "" : BUYER_TIME.format(date.toInstant().atZone(zone));
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
