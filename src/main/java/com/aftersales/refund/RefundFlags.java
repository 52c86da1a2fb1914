package com.aftersales.refund;

import static com.aftersales.refund.RefundVariables.ANSWER_PATH;

import com.aftersales.cases.CaseFlags;
import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.shop.Flag;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The refund's flags besides the purple one its steps set with the refund's reason: yellow holds
 * the shipment while the agent tries to keep an unshipped sale or the warehouse intercepts the
 * parcel, and comes down once the order shipped or the refund is decided; purple and anything still
 * raised come down when the refund is finished.
 */
@Service
class RefundFlags {

  private final CaseFlags flags;

  RefundFlags(CaseFlags flags) {
    this.flags = flags;
  }

  /** The seller's answer starts: an unshipped order or a parcel on its way is held. */
  void holdWhileAnswered(DelegateExecution execution) {
    AnswerPath path = ANSWER_PATH.get(execution);
    if (path == AnswerPath.RETAIN) {
      flags.raise(execution, Flag.YELLOW, "买家申请退款，未发货订单暂停发货，等待挽留结果");
    } else if (path == AnswerPath.INTERCEPT) {
      flags.raise(execution, Flag.YELLOW, "买家申请退款，包裹在途，拦截包裹，追回前暂停发货");
    }
  }

  /** The kept order shipped. */
  void shipped(DelegateExecution execution) {
    flags.lower(execution, Flag.YELLOW, "挽留成功，订单已发货");
  }

  /** The refund is decided (agreed, rejected, or paid by the platform): nothing to hold. */
  void decided(DelegateExecution execution) {
    flags.lower(execution, Flag.YELLOW, "退款已有结果，不再暂停发货");
  }

  /** The refund is finished, however it ended. */
  void finished(DelegateExecution execution) {
    flags.lower(execution, Flag.YELLOW, "退款已结束");
    flags.lower(execution, Flag.PURPLE, "退款已结束");
  }
}
