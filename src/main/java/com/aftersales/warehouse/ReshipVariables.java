package com.aftersales.warehouse;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;

/** {@code bpmn/reship.bpmn}: its key and its variables. */
final class ReshipVariables {
  static final String PROCESS_KEY = "reship";

  // ship-reshipment
  static final Variable<String> RESHIP_CARRIER = Variable.text("reshipCarrier", "快递公司");
  static final Variable<String> RESHIP_TRACKING_NUMBER =
      Variable.text("reshipTrackingNumber", "物流单号");

  // follow-reshipment
  static final Variable<Boolean> RECEIVED_CONFIRMED = Variable.flag("receivedConfirmed", "买家已签收");
  static final Variable<String> FOLLOW_NOTE = Variable.text("followNote", "跟踪记录");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY, ReshipVariables.class, ReshipCallVariables.class, CaseVariables.class);

  private ReshipVariables() {}
}
