package com.aftersales.deadlines;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every deadline of the flows, as ISO-8601 durations from {@code aftersales.deadlines.*}. Models
 * refer to them by expression, e.g. {@code timeDuration="${deadlines.evidenceReminder}"} or {@code
 * camunda:dueDate="${deadlines.refundReport}"}, so a deadline changes without touching a model.
 */
@Component("deadlines")
@ConfigurationProperties(prefix = "aftersales.deadlines")
public class Deadlines {

  /** Remind the buyer to send photos. */
  private String evidenceReminder = "PT24H";

  /** Close the claim as "no evidence". */
  private String evidenceGiveUp = "P7D";

  /** Escalate an unfinished refund to a supervisor, before the 48 h promise runs out. */
  private String refundEscalation = "PT36H";

  /** The refund is reported to the administrator within this time (the promise to the buyer). */
  private String refundReport = "PT48H";

  /** Remind the agent to follow the reshipment's tracking. */
  private String reshipTrackingReminder = "P3D";

  /** Close the reship follow-up when the buyer never confirms receipt. */
  private String reshipReceiptGiveUp = "P15D";

  /** Remind the buyer to ship an agreed return or exchange. */
  private String returnShipReminder = "P5D";

  /** The buyer ships within this time of the agreement, or the case closes as abandoned. */
  private String returnShipDeadline = "P7D";

  /**
   * Escalate an unreceived return to a supervisor; the platform refunds by itself 10 days after the
   * buyer shipped.
   */
  private String returnReceiptEscalation = "P8D";

  /** The buyer can file a refund for a paid, unshipped order only this long after paying. */
  private String refundFileDelay = "PT24H";

  /** The seller answers a refund of an unshipped order within this, or the platform refunds. */
  private String refundUnshippedAnswer = "PT48H";

  /** Escalate an unshipped order's refund to a supervisor this long after it was filed. */
  private String refundUnshippedEscalation = "PT36H";

  /** The seller answers a refund of a shipped order within this, or the platform refunds. */
  private String refundShippedAnswer = "P7D";

  /** Escalate a shipped order's refund to a supervisor this long after it was filed. */
  private String refundShippedEscalation = "P6D";

  /** After the buyer shipped a return, the seller refunds within this, or the platform does. */
  private String refundReturnAnswer = "P10D";

  /** Escalate a returned parcel's refund to a supervisor this long after the buyer shipped. */
  private String refundReturnEscalation = "P8D";

  /** In a dispute, the seller confirms the buyer's evidence within this. */
  private String disputeConfirm = "PT24H";

  /** Escalate an unconfirmed dispute to a supervisor this long after it was opened. */
  private String disputeEscalation = "PT20H";

  /** The platform's reviewer answers within four working days; then a supervisor looks it up. */
  private String disputeReview = "P6D";

  /** The agent contacts an unpaid order's buyer within this. */
  private String dunningContact = "PT4H";

  /** An unreachable buyer is tried again after this. */
  private String dunningRetry = "PT2H";

  /** The platform closes an order not paid this long after it was placed. */
  private String dunningAutoClose = "PT72H";

  /** A follow-up call that reached nobody is tried again after this. */
  private String followUpRetry = "PT2H";

  /** A supervisor scores a sampled follow-up call within this. */
  private String spotCheckDue = "P2D";

  /** A complaint is answered within this (service time by default). */
  private String complaintRespond = "PT2H";

  /** A complaint is handled within this of being made (service time by default). */
  private String complaintHandle = "PT24H";

  /** A refund rejected for a parcel in transit waits this long for the buyer to file again. */
  private String refundRefileGiveUp = "P15D";

  /**
   * The deadlines that count service time (see {@link ServiceHours}); all others count calendar
   * time, as the platform's do.
   */
  private java.util.Set<String> serviceTime = new java.util.LinkedHashSet<>();

  private ServiceHours serviceHours;

  @org.springframework.beans.factory.annotation.Autowired
  void setServiceHours(ServiceHours serviceHours) {
    this.serviceHours = serviceHours;
  }

  /**
   * When the named deadline falls due if it starts now, on its configured clock. Models use it as
   * {@code camunda:dueDate="${deadlines.due('refundReport')}"} or in a timer's {@code timeDate}.
   */
  public java.util.Date due(String name) {
    return java.util.Date.from(due(name, ClockUtil.getCurrentTime().toInstant()));
  }

  /**
   * When the named deadline falls due if it started at {@code start}. The engine's clock is "now"
   * everywhere, so tests that move it move every deadline with it.
   */
  public java.util.Date dueFrom(String name, java.util.Date start) {
    return java.util.Date.from(due(name, start.toInstant()));
  }

  java.time.Instant due(String name, java.time.Instant start) {
    String value = all().get(name);
    if (value == null) {
      throw new IllegalArgumentException("no deadline aftersales.deadlines." + name);
    }
    Duration length =
        value.contains("T")
            ? Duration.parse(value)
            : Duration.ofDays(Period.parse(value).getDays());
    return serviceTime.contains(name) ? serviceHours.plus(start, length) : start.plus(length);
  }

  public java.util.Set<String> getServiceTime() {
    return serviceTime;
  }

  public void setServiceTime(java.util.Set<String> serviceTime) {
    this.serviceTime = serviceTime;
  }

  @PostConstruct
  void validate() {
    all().forEach(Deadlines::check);
    for (String name : serviceTime) {
      if (!all().containsKey(name)) {
        throw new IllegalStateException(
            "aftersales.deadlines.service-time names " + name + ", which is no deadline");
      }
    }
  }

  /** All deadlines by name, for documentation and model checks. */
  public Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("evidenceReminder", evidenceReminder);
    all.put("evidenceGiveUp", evidenceGiveUp);
    all.put("refundEscalation", refundEscalation);
    all.put("refundReport", refundReport);
    all.put("reshipTrackingReminder", reshipTrackingReminder);
    all.put("reshipReceiptGiveUp", reshipReceiptGiveUp);
    all.put("returnShipReminder", returnShipReminder);
    all.put("returnShipDeadline", returnShipDeadline);
    all.put("returnReceiptEscalation", returnReceiptEscalation);
    all.put("refundFileDelay", refundFileDelay);
    all.put("refundUnshippedAnswer", refundUnshippedAnswer);
    all.put("refundUnshippedEscalation", refundUnshippedEscalation);
    all.put("refundShippedAnswer", refundShippedAnswer);
    all.put("refundShippedEscalation", refundShippedEscalation);
    all.put("refundReturnAnswer", refundReturnAnswer);
    all.put("refundReturnEscalation", refundReturnEscalation);
    all.put("disputeConfirm", disputeConfirm);
    all.put("disputeEscalation", disputeEscalation);
    all.put("disputeReview", disputeReview);
    all.put("refundRefileGiveUp", refundRefileGiveUp);
    all.put("dunningContact", dunningContact);
    all.put("dunningRetry", dunningRetry);
    all.put("dunningAutoClose", dunningAutoClose);
    all.put("followUpRetry", followUpRetry);
    all.put("spotCheckDue", spotCheckDue);
    all.put("complaintRespond", complaintRespond);
    all.put("complaintHandle", complaintHandle);
    return all;
  }

  static void check(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("aftersales.deadlines." + name + " is empty");
    }
    try {
      if (value.contains("T")) {
        Duration.parse(value);
      } else {
        Period.parse(value);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "aftersales.deadlines."
              + name
              + " = '"
              + value
              + "' is not an ISO-8601 duration such as PT24H or P7D",
          e);
    }
  }

  public String getEvidenceReminder() {
    return evidenceReminder;
  }

  public void setEvidenceReminder(String evidenceReminder) {
    this.evidenceReminder = evidenceReminder;
  }

  public String getEvidenceGiveUp() {
    return evidenceGiveUp;
  }

  public void setEvidenceGiveUp(String evidenceGiveUp) {
    this.evidenceGiveUp = evidenceGiveUp;
  }

  public String getRefundEscalation() {
    return refundEscalation;
  }

  public void setRefundEscalation(String refundEscalation) {
    this.refundEscalation = refundEscalation;
  }

  public String getRefundReport() {
    return refundReport;
  }

  public void setRefundReport(String refundReport) {
    this.refundReport = refundReport;
  }

  public String getReshipTrackingReminder() {
    return reshipTrackingReminder;
  }

  public void setReshipTrackingReminder(String reshipTrackingReminder) {
    this.reshipTrackingReminder = reshipTrackingReminder;
  }

  public String getReshipReceiptGiveUp() {
    return reshipReceiptGiveUp;
  }

  public void setReshipReceiptGiveUp(String reshipReceiptGiveUp) {
    this.reshipReceiptGiveUp = reshipReceiptGiveUp;
  }

  public String getReturnShipReminder() {
    return returnShipReminder;
  }

  public void setReturnShipReminder(String returnShipReminder) {
    this.returnShipReminder = returnShipReminder;
  }

  public String getReturnShipDeadline() {
    return returnShipDeadline;
  }

  public void setReturnShipDeadline(String returnShipDeadline) {
    this.returnShipDeadline = returnShipDeadline;
  }

  public String getReturnReceiptEscalation() {
    return returnReceiptEscalation;
  }

  public void setReturnReceiptEscalation(String returnReceiptEscalation) {
    this.returnReceiptEscalation = returnReceiptEscalation;
  }

  public String getRefundFileDelay() {
    return refundFileDelay;
  }

  public void setRefundFileDelay(String refundFileDelay) {
    this.refundFileDelay = refundFileDelay;
  }

  public String getRefundUnshippedAnswer() {
    return refundUnshippedAnswer;
  }

  public void setRefundUnshippedAnswer(String refundUnshippedAnswer) {
    this.refundUnshippedAnswer = refundUnshippedAnswer;
  }

  public String getRefundUnshippedEscalation() {
    return refundUnshippedEscalation;
  }

  public void setRefundUnshippedEscalation(String refundUnshippedEscalation) {
    this.refundUnshippedEscalation = refundUnshippedEscalation;
  }

  public String getRefundShippedAnswer() {
    return refundShippedAnswer;
  }

  public void setRefundShippedAnswer(String refundShippedAnswer) {
    this.refundShippedAnswer = refundShippedAnswer;
  }

  public String getRefundShippedEscalation() {
    return refundShippedEscalation;
  }

  public void setRefundShippedEscalation(String refundShippedEscalation) {
    this.refundShippedEscalation = refundShippedEscalation;
  }

  public String getRefundReturnAnswer() {
    return refundReturnAnswer;
  }

  public void setRefundReturnAnswer(String refundReturnAnswer) {
    this.refundReturnAnswer = refundReturnAnswer;
  }

  public String getRefundReturnEscalation() {
    return refundReturnEscalation;
  }

  public void setRefundReturnEscalation(String refundReturnEscalation) {
    this.refundReturnEscalation = refundReturnEscalation;
  }

  public String getDisputeConfirm() {
    return disputeConfirm;
  }

  public void setDisputeConfirm(String disputeConfirm) {
    this.disputeConfirm = disputeConfirm;
  }

  public String getDisputeEscalation() {
    return disputeEscalation;
  }

  public void setDisputeEscalation(String disputeEscalation) {
    this.disputeEscalation = disputeEscalation;
  }

  public String getDisputeReview() {
    return disputeReview;
  }

  public void setDisputeReview(String disputeReview) {
    this.disputeReview = disputeReview;
  }

  public String getRefundRefileGiveUp() {
    return refundRefileGiveUp;
  }

  public void setRefundRefileGiveUp(String refundRefileGiveUp) {
    this.refundRefileGiveUp = refundRefileGiveUp;
  }

  public String getDunningContact() {
    return dunningContact;
  }

  public void setDunningContact(String dunningContact) {
    this.dunningContact = dunningContact;
  }

  public String getDunningRetry() {
    return dunningRetry;
  }

  public void setDunningRetry(String dunningRetry) {
    this.dunningRetry = dunningRetry;
  }

  public String getDunningAutoClose() {
    return dunningAutoClose;
  }

  public void setDunningAutoClose(String dunningAutoClose) {
    this.dunningAutoClose = dunningAutoClose;
  }

  public String getFollowUpRetry() {
    return followUpRetry;
  }

  public void setFollowUpRetry(String followUpRetry) {
    this.followUpRetry = followUpRetry;
  }

  public String getSpotCheckDue() {
    return spotCheckDue;
  }

  public void setSpotCheckDue(String spotCheckDue) {
    this.spotCheckDue = spotCheckDue;
  }

  public String getComplaintRespond() {
    return complaintRespond;
  }

  public void setComplaintRespond(String complaintRespond) {
    this.complaintRespond = complaintRespond;
  }

  public String getComplaintHandle() {
    return complaintHandle;
  }

  public void setComplaintHandle(String complaintHandle) {
    this.complaintHandle = complaintHandle;
  }
}
