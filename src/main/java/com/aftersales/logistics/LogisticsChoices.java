package com.aftersales.logistics;

/** The choices of the logistics-exception forms, with the words the register shows. */
final class LogisticsChoices {

  private LogisticsChoices() {}

  /** How the case came in. */
  enum Source {
    AGENT("买家查件"),
    FOLLOW_UP("回访发现"),
    COURIER("快递反馈"),
    DETECTOR("物流停滞");

    final String label;

    Source(String label) {
      this.label = label;
    }
  }

  /** What the warehouse found for a paid order the back office shows unshipped. */
  enum WarehouseFinding {
    NOT_ARRANGED,
    SHIPPED_NOT_MARKED
  }

  /** What the trace and the courier say of a shipped parcel (seed 002 ch.1 三). */
  enum Situation {
    NORMAL("正常件"),
    DIFFICULT_BUYER("疑难件（买家原因）"),
    DIFFICULT_COURIER("疑难件（快递原因）"),
    OUT_OF_AREA("超区件"),
    LOST("丢件"),
    DAMAGED("破损件");

    final String label;

    Situation(String label) {
      this.label = label;
    }
  }

  /** Why the courier cannot deliver (疑难件 快递原因). */
  enum CourierCause {
    WRONG_ADDRESS,
    BACKLOG,
    HELD,
    SIGNED_BY_OTHER
  }

  /** The register's problem types, as the decision table names them. */
  enum ProblemType {
    NOT_SHIPPED("未发货"),
    NORMAL("正常件"),
    DIFFICULT_BUYER("疑难件（买家原因）"),
    DIFFICULT_COURIER("疑难件（快递原因）"),
    OUT_OF_AREA("超区件"),
    LOST("丢件"),
    SIGNED_BY_OTHER("非本人签收"),
    COURIER_REPORTED("快递反馈问题件"),
    DAMAGED("破损件");

    final String label;

    ProblemType(String label) {
      this.label = label;
    }
  }

  enum ReceiptExtension {
    EXTEND,
    NOT_NEEDED
  }

  /** The buyer of a returned parcel: gave correct details (reship), or never got in touch. */
  enum BuyerBack {
    DETAILS_CONFIRMED,
    GAVE_UP
  }

  enum ChaseOutcome {
    DELIVERED("已送达"),
    KEEP_CHASING("继续催件"),
    CANNOT_DELIVER("长时无法派送，重新发货");

    final String label;

    ChaseOutcome(String label) {
      this.label = label;
    }
  }

  enum OutOfAreaOption {
    RESHIP("重新发货，原件追回"),
    TRANSFER("转其他快递"),
    SELF_PICKUP("买家自提");

    final String label;

    OutOfAreaOption(String label) {
      this.label = label;
    }
  }
}
