package com.aftersales.logistics;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.logistics.LogisticsSteps.caseId;
import static com.aftersales.logistics.LogisticsVariables.*;
import static com.aftersales.warehouse.ReshipCallVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.logistics.LogisticsChoices.BuyerBack;
import com.aftersales.logistics.LogisticsChoices.ChaseOutcome;
import com.aftersales.logistics.LogisticsChoices.OutOfAreaOption;
import com.aftersales.logistics.LogisticsChoices.Source;
import com.aftersales.registers.LogisticsRegister;
import com.aftersales.registers.Registers;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The problem parcels of seed 002 ch.1: the buyer's cause, the courier's cause, out of area, lost,
 * damaged; each reship through the reship flow, each loss in the courier-loss register.
 */
@Component
class LogisticsHandling {

  private final ShopBackOffice shop;
  private final CaseService cases;
  private final Registers registers;
  private final LogisticsRegister register;
  private final CaseTimeline timeline;
  private final BuyerMessages messages;

  LogisticsHandling(
      ShopBackOffice shop,
      CaseService cases,
      Registers registers,
      LogisticsRegister register,
      CaseTimeline timeline,
      BuyerMessages messages) {
    this.shop = shop;
    this.cases = cases;
    this.registers = registers;
    this.register = register;
    this.timeline = timeline;
    this.messages = messages;
  }

  // ---------------------------------------------------------------- the buyer's cause

  void checkContact(DelegateTask task) {
    if (!Inputs.flag(task, DETAILS_CONFIRMED)) {
      throw new InvalidInputException(
          DETAILS_CONFIRMED, "联系上买家、拿到可联系的电话或正确地址并告知快递后再提交；联系不上时任务保持打开，" + "4 天后会转为通知快递退回");
    }
    requireCourierTold(task);
    String note = Inputs.text(task, CONTACT_NOTE, 1000, true);
    register.action(caseId(task), CaseTimeline.actor(task), "已联系上买家：" + note);
  }

  /** A parcel the courier reported: the result goes back to the courier (seed 004). */
  private static void requireCourierTold(DelegateTask task) {
    if (REPORT_SOURCE.get(task) == Source.COURIER && !Inputs.flag(task, COURIER_TOLD)) {
      throw new InvalidInputException(COURIER_TOLD, "这是快递反馈的问题件，请把处理结果反馈给快递后再勾选提交");
    }
  }

  void checkReturnRequest(DelegateTask task) {
    if (!Inputs.flag(task, RETURN_REQUESTED)) {
      throw new InvalidInputException(RETURN_REQUESTED, "请先通知当地快递一周内将件退回，再勾选提交");
    }
    String note = Inputs.text(task, CONTACT_NOTE, 1000, false);
    register.action(
        caseId(task),
        CaseTimeline.actor(task),
        "4 天联系不上买家，已通知快递退回" + (note == null ? "" : "：" + note));
    shop.addRemark(ORDER_ID.get(task), RemarkColumn.SHIPPING, "联系不上买家，已通知快递一周内退回原件");
  }

  void checkBuyerBack(DelegateTask task) {
    BuyerBack back = Inputs.choice(task, BUYER_BACK);
    String note = Inputs.text(task, CONTACT_NOTE, 1000, back == BuyerBack.DETAILS_CONFIRMED);
    if (back == BuyerBack.DETAILS_CONFIRMED) {
      requireCourierTold(task);
      reship(task, "买家确认正确联系方式和地址后重新发货", true);
    }
    register.action(
        caseId(task),
        CaseTimeline.actor(task),
        back == BuyerBack.DETAILS_CONFIRMED ? "买家确认信息，重新发货：" + note : "件已退回，买家未再联系");
  }

  // ---------------------------------------------------------------- the courier's cause

  void checkChase(DelegateTask task) {
    ChaseOutcome outcome = Inputs.choice(task, CHASE_OUTCOME);
    String note = Inputs.text(task, CHASE_NOTE, 1000, true);
    if (outcome == ChaseOutcome.CANNOT_DELIVER) {
      reship(task, "快递长时间无法派送，重新发货并追回原件", true);
    }
    register.action(caseId(task), CaseTimeline.actor(task), "催件（" + outcome.label + "）：" + note);
  }

  void prepareProgress(DelegateTask task) {
    messages.prepare(
        task,
        LogisticsWording.progress(ORDER_ID.get(task), ITEM_TITLE.get(task), CHASE_NOTE.get(task)));
  }

  void remindChase(DelegateExecution execution) {
    String text = "请再次联系快递跟进派送，并把进度告诉买家（" + execution.getProcessBusinessKey() + "）";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  // ---------------------------------------------------------------- out of area, lost, damaged

  void checkOutOfArea(DelegateTask task) {
    OutOfAreaOption option = Inputs.choice(task, OUT_OF_AREA_OPTION);
    String note = Inputs.text(task, CHASE_NOTE, 1000, option != OutOfAreaOption.RESHIP);
    if (option == OutOfAreaOption.RESHIP) {
      reship(task, "超区件：重新安排发货，原件追回", true);
    }
    register.action(
        caseId(task),
        CaseTimeline.actor(task),
        "超区件（" + option.label + "）" + (note == null ? "" : "：" + note));
  }

  void checkLoss(DelegateTask task) {
    if (!Inputs.flag(task, LOSS_CONFIRMED)) {
      throw new InvalidInputException(LOSS_CONFIRMED, "请先与快递公司核实确认丢件，再勾选提交");
    }
    BigDecimal amount = Inputs.requiredMoney(task, LOSS_AMOUNT);
    if (amount.signum() <= 0) {
      throw new InvalidInputException(LOSS_AMOUNT, "丢失商品价值应大于 0 元");
    }
    reship(task, "快递丢件补发", false);
    register.action(
        caseId(task), CaseTimeline.actor(task), "快递确认丢件，价值 " + amount.toPlainString() + " 元");
  }

  void recordLoss(DelegateExecution execution) {
    registers.courierLoss(
        execution.getProcessBusinessKey(),
        ORDER_ID.get(execution),
        CARRIER.get(execution),
        TRACKING_NUMBER.get(execution),
        LOSS_AMOUNT.get(execution));
    timeline.record(execution, "已登记快递损失 " + LOSS_AMOUNT.get(execution).toPlainString() + " 元");
  }

  /** Damaged goes to the damage claim: a case of its own for the order. */
  void openDamageClaim(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    CaseService.Opened opened =
        cases.open(
            CaseKind.DAMAGE.name(),
            ORDER_ID.get(execution),
            BUYER_ID.get(execution),
            "查件发现破损（" + caseId + "）：" + ASSESS_NOTE.get(execution, ""));
    String damage = opened.record().caseId();
    DAMAGE_CASE_ID.set(execution, damage);
    register.action(caseId, null, "转破损售后 " + damage);
    timeline.record(execution, "已转破损售后 " + damage);
  }

  // ---------------------------------------------------------------- reship and delivery

  /** The reship the flow calls next: the order's goods, why, and who decided it. */
  private static void reship(DelegateTask task, String reason, boolean recoverOriginal) {
    RESHIP_ITEMS.set(task, ITEM_TITLE.get(task));
    RESHIP_QUANTITY.set(task, QUANTITY.get(task));
    RESHIP_REASON.set(task, reason);
    RESOLVED_BY.set(task, CaseTimeline.actor(task));
    RECOVER_ORIGINAL.set(task, recoverOriginal);
  }

  void checkOriginalReceived(DelegateTask task) {
    if (!Inputs.flag(task, ORIGINAL_RECEIVED)) {
      throw new InvalidInputException(ORIGINAL_RECEIVED, "原件退回仓库后再勾选提交");
    }
    register.action(caseId(task), CaseTimeline.actor(task), "原件已退回仓库");
  }

  void checkDelivered(DelegateTask task) {
    if (!Inputs.flag(task, DELIVERED_CONFIRMED)) {
      throw new InvalidInputException(DELIVERED_CONFIRMED, "买家签收后再勾选提交（未签收时任务保持打开）");
    }
    requireCourierTold(task);
    String note = Inputs.text(task, FOLLOW_NOTE, 1000, false);
    register.action(
        caseId(task), CaseTimeline.actor(task), "买家已签收" + (note == null ? "" : "：" + note));
  }
}
