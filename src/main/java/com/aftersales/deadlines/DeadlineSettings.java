package com.aftersales.deadlines;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.deadlines.*}: every deadline of the flows (application.yaml gives each its
 * value; there are no defaults here, so a deadline missing from the configuration stops the start,
 * see {@link #byName()}). The component name is the name models and code use ({@code
 * evidenceReminder}); the property is its kebab-case form ({@code evidence-reminder}).
 *
 * @param evidenceReminder remind the buyer to send photos
 * @param evidenceGiveUp close the claim as "no evidence"
 * @param refundEscalation escalate an unfinished refund to a supervisor, before the 48 h promise
 * @param refundReport the refund is reported to the administrator within this (the promise)
 * @param reshipTrackingReminder remind the agent to follow the reshipment's tracking
 * @param reshipReceiptGiveUp close the reship follow-up when the buyer never confirms receipt
 * @param returnShipReminder remind the buyer to ship an agreed return or exchange
 * @param returnShipDeadline the buyer ships within this of the agreement, or the case closes
 * @param returnReceiptEscalation escalate an unreceived return to a supervisor (the platform
 *     refunds by itself 10 days after the buyer shipped)
 * @param refundFileDelay the buyer can file a refund for a paid, unshipped order this long after
 *     paying
 * @param refundUnshippedAnswer the seller answers a refund of an unshipped order within this
 * @param refundUnshippedEscalation escalate an unshipped order's refund this long after filing
 * @param refundShippedAnswer the seller answers a refund of a shipped order within this
 * @param refundShippedEscalation escalate a shipped order's refund this long after filing
 * @param refundReturnAnswer after the buyer shipped a return, the seller refunds within this
 * @param refundReturnEscalation escalate a returned parcel's refund this long after shipping
 * @param disputeConfirm in a dispute, the seller confirms the buyer's evidence within this
 * @param disputeEscalation escalate an unconfirmed dispute this long after it was opened
 * @param disputeReview what cases started before working days were counted wait for the platform's
 *     verdict (calendar time; those models read it as a timer duration)
 * @param disputeEvidence both sides hand in evidence within this of the buyer asking the platform
 *     to step in (the seller's own evidence included)
 * @param disputeVerdict after the evidence window the platform's reviewer answers within this,
 *     counted in working days (see {@code workingDays}); then a supervisor looks the verdict up
 * @param goodReviewReminder a good-review cash-back not yet confirmed is brought back to the agent
 *     after this
 * @param goodReviewGiveUp no good review within this of the compensation: no cash-back
 * @param refundRefileGiveUp a refund rejected for a parcel in transit waits this long for the buyer
 *     to file again
 * @param refundPlatformConfirm a refund agreed on the platform waits this long for the platform's
 *     "refund succeeded"; then finance checks it in Qianniu
 * @param dunningContact the agent contacts an unpaid order's buyer within this
 * @param dunningRetry an unreachable buyer is tried again after this
 * @param dunningAutoClose the platform closes an order not paid this long after it was placed
 * @param followUpRetry a follow-up call that reached nobody is tried again after this
 * @param spotCheckDue a supervisor scores a sampled follow-up call within this
 * @param complaintRespond a complaint is answered within this (service time by default)
 * @param complaintHandle a complaint is handled within this of being made (service time)
 * @param mistakeDecision a supervisor decides a wrong or missing item the warehouse could not
 *     confirm within this (seed 004: handled within 24 hours)
 * @param logisticsAutoConfirm the platform confirms receipt by itself this long after shipping
 * @param logisticsExtendMargin the buyer's receipt time is extended at the latest this long before
 *     the platform would confirm receipt; then a supervisor is added
 * @param logisticsBuyerUnreachable a difficult parcel's buyer not reached within this: the courier
 *     is asked to send the parcel back
 * @param logisticsCourierReturn the courier sends an undeliverable parcel back within this
 * @param logisticsCourierFollowUp an agent chasing the courier is reminded after this
 * @param logisticsNoMovement a shipped parcel whose trace has not moved for this opens a case
 * @param priceDropDecision a supervisor approves or refuses a price-drop refund within this (seed
 *     004: the agent asks a superior)
 * @param serviceTime the deadlines (by name) that count service hours, see {@link ServiceHours};
 *     all others count calendar time, as the platform's do
 * @param workingDays the deadlines (by name) that count the platform's working days, see {@link
 *     WorkingDays}; whole days only
 */
@ConfigurationProperties(prefix = "aftersales.deadlines")
record DeadlineSettings(
    Deadline evidenceReminder,
    Deadline evidenceGiveUp,
    Deadline refundEscalation,
    Deadline refundReport,
    Deadline reshipTrackingReminder,
    Deadline reshipReceiptGiveUp,
    Deadline returnShipReminder,
    Deadline returnShipDeadline,
    Deadline returnReceiptEscalation,
    Deadline refundFileDelay,
    Deadline refundUnshippedAnswer,
    Deadline refundUnshippedEscalation,
    Deadline refundShippedAnswer,
    Deadline refundShippedEscalation,
    Deadline refundReturnAnswer,
    Deadline refundReturnEscalation,
    Deadline disputeConfirm,
    Deadline disputeEscalation,
    Deadline disputeReview,
    Deadline disputeEvidence,
    Deadline disputeVerdict,
    Deadline goodReviewReminder,
    Deadline goodReviewGiveUp,
    Deadline refundRefileGiveUp,
    Deadline refundPlatformConfirm,
    Deadline dunningContact,
    Deadline dunningRetry,
    Deadline dunningAutoClose,
    Deadline followUpRetry,
    Deadline spotCheckDue,
    Deadline complaintRespond,
    Deadline complaintHandle,
    Deadline mistakeDecision,
    Deadline logisticsAutoConfirm,
    Deadline logisticsExtendMargin,
    Deadline logisticsBuyerUnreachable,
    Deadline logisticsCourierReturn,
    Deadline logisticsCourierFollowUp,
    Deadline logisticsNoMovement,
    Deadline priceDropDecision,
    @DefaultValue Set<String> serviceTime,
    @DefaultValue Set<String> workingDays) {

  static final String PREFIX = "aftersales.deadlines.";

  DeadlineSettings {
    serviceTime = Set.copyOf(serviceTime);
    workingDays = Set.copyOf(workingDays);
  }

  /**
   * Every deadline by its name, in declaration order; refuses a deadline that is not configured.
   */
  Map<String, Deadline> byName() {
    Map<String, Deadline> all = new LinkedHashMap<>();
    for (RecordComponent c : DeadlineSettings.class.getRecordComponents()) {
      if (c.getType() != Deadline.class) {
        continue;
      }
      Deadline value;
      try {
        value = (Deadline) c.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value == null) {
        throw new IllegalStateException(
            property(c.getName())
                + " is not configured: give it an ISO-8601 duration such as PT24H or P7D");
      }
      all.put(c.getName(), value);
    }
    return all;
  }

  /**
   * The property of a deadline: {@code refundReport} → {@code aftersales.deadlines.refund-report}.
   */
  static String property(String name) {
    return PREFIX + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
  }
}
