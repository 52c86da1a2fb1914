package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port to the shop back office: everything the flows ask of it. The local adapter keeps orders
 * in our own tables; a real integration implements the same interface.
 *
 * <p>Implementations throw {@link ShopUnavailableException} when the back office cannot be reached;
 * the calling service task then retries as a job and finally raises an incident.
 */
public interface ShopBackOffice {

  Optional<Order> findOrder(String orderId);

  /**
   * Raises {@code flag} on the order, with its note: the step that causes it calls this. The back
   * office holds one flag per order and shows the most urgent of those raised ({@link FlagStack}).
   */
  void setFlag(String orderId, Flag flag, String note);

  /**
   * Lowers {@code flag} once it no longer applies ({@code note} says why, for the order's history):
   * the order shows the next raised flag, or none. Nothing happens when the flag is not raised.
   */
  void clearFlag(String orderId, Flag flag, String note);

  /** The flags raised on the order, the one the back office shows first. */
  List<RaisedFlag> flags(String orderId);

  void addRemark(String orderId, RemarkColumn column, String text);

  /**
   * The order's flag and remark columns as they are now, for people to read (the case page); empty
   * when the back office cannot tell them here (then they are read in Qianniu).
   */
  default Optional<OrderMarks> orderMarks(String orderId) {
    return Optional.empty();
  }

  /**
   * Agrees a refund of {@code amount} yuan to the buyer. {@code refundId} is the buyer's refund on
   * the platform, or {@code null} when none was filed: a platform back office then refuses, since
   * the platform pays only refunds the buyer asked for.
   */
  void agreeRefund(String orderId, String refundId, BigDecimal amount, String reason);

  /**
   * Records money finance transferred to the buyer's own account (Alipay or bank) once finance
   * confirmed the transfer: the shop paid it outside the platform, which neither pays it nor knows
   * of it. Never more than what is still refundable.
   */
  void recordTransfer(String orderId, BigDecimal amount, String reason);

  /** Refuses the buyer's refund ({@code refundId}, or {@code null} when none was filed). */
  void rejectRefund(String orderId, String refundId, String reason);

  /**
   * Agrees that the buyer returns the goods of refund {@code refundId} ({@code null} when none was
   * filed on the platform) to {@code returnAddress}.
   */
  void agreeReturn(String orderId, String refundId, String returnAddress);

  // ---------------------------------------------------------------- the buyer

  /**
   * Sends a message to the buyer: on the platform refund when the message names one, or records a
   * chat message an agent sent in Qianniu and confirmed. Recorded only once it went out.
   *
   * @throws NoMessageChannelException when neither applies
   */
  SentMessage sendBuyerMessage(BuyerMessage message);

  /** Every message sent to the buyer for case {@code caseId}, oldest first. */
  List<SentMessage> buyerMessages(String caseId);

  // ---------------------------------------------------------------- the platform's refunds

  /** One refund the buyer filed on the platform. */
  Optional<PlatformRefund> findRefund(String refundId);

  /**
   * The refunds the buyer filed on the platform for the order that are still open (neither paid nor
   * closed), oldest first; none on a back office without a platform, or when the buyer filed none.
   * Only with one of them does the platform pay and its clocks run.
   */
  List<PlatformRefund> openRefunds(String orderId);

  /** The seller's refunds modified in {@code [from, to)}, oldest change first. */
  List<PlatformRefund> refundsModified(OffsetDateTime from, OffsetDateTime to);

  /** The logistics trace of the order's parcel, oldest step first (empty when not shipped). */
  List<TraceStep> logisticsTrace(String orderId);

  /**
   * Records a refund the platform paid by itself because the seller did not answer in time (or a
   * dispute went against the seller). Never more than what is still refundable.
   *
   * @return the amount recorded
   */
  BigDecimal recordPlatformRefund(String orderId, BigDecimal amount, String reason);

  /** The print desk shipped the order: it becomes "seller shipped" with its tracking number. */
  void shipOrder(String orderId, String carrier, String trackingNumber);

  /**
   * Creates a reship order derived from the original one (the back office prefixes {@code RE}).
   *
   * @return the new order's id
   */
  String createReshipOrder(String originalOrderId, String items, int quantity, String note);

  // ---------------------------------------------------------------- orders the daily runs look at

  /** Orders still waiting for payment that were placed in {@code [from, to)}, oldest first. */
  List<Order> unpaidOrdersPlaced(OffsetDateTime from, OffsetDateTime to);

  /**
   * Delivered orders: shipped or succeeded, signed for in {@code (signedAfter, signedUpTo]}; by
   * order number.
   */
  List<Order> deliveredOrders(OffsetDateTime signedAfter, OffsetDateTime signedUpTo);

  /**
   * Shipped orders nobody signed for yet, paid (or, without a payment time, placed) in {@code
   * (paidAfter, paidUpTo]}; by order number.
   */
  List<Order> undeliveredOrders(OffsetDateTime paidAfter, OffsetDateTime paidUpTo);

  /** Paid orders not shipped yet whose item is one of {@code itemTitles}; by order number. */
  List<Order> paidOrdersOf(Collection<String> itemTitles);

  // ---------------------------------------------------------------- parcels that do not arrive

  /**
   * Extends the buyer's time to confirm receipt of a shipped order by {@code days} (the platform
   * takes 3, 5, 7 or 10), so the trade does not complete by itself on a parcel still on its way.
   *
   * @throws ShopRefusedException when the back office refuses (another number of days, a trade not
   *     waiting for the buyer's confirmation)
   */
  void extendReceiptTime(String orderId, int days);

  /**
   * The order a parcel with this waybill number belongs to, when the back office can search by
   * waybill; empty when it cannot or knows none (the warehouse then finds the order by hand).
   */
  Optional<Order> findOrderByWaybill(String waybillNumber);
}
