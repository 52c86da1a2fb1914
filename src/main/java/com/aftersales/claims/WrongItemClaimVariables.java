package com.aftersales.claims;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import com.aftersales.warehouse.ReshipCallVariables;

/** {@code bpmn/wrong-item-claim.bpmn}: its key, the decision it calls, and its own variables. */
final class WrongItemClaimVariables {
  static final String PROCESS_KEY = "wrong-item-claim";

  // decisions
  static final String WRONG_ITEM_DECISION = "wrong-item-resolution";

  // warehouse-verify
  static final Variable<Boolean> MISTAKE_CONFIRMED = Variable.flag("mistakeConfirmed", "确认我方差错");
  static final Variable<ProblemKind> PROBLEM_KIND =
      Variable.choice("problemKind", "问题类型", ProblemKind.class);
  static final Variable<Cause> CAUSE = Variable.choice("cause", "差错原因", Cause.class);
  static final Variable<String> VERIFY_NOTE = Variable.text("verifyNote", "核实说明");

  // explain-verification
  static final Variable<String> EXPLANATION = Variable.text("explanation", "向买家的说明");

  // wrong-item-resolution: its result and the output only it has (agentLimit, hardCap and
  // suggestedResolution are shared with the damage claim)
  static final Variable<Object> WRONG_ITEM_ADVICE = Variable.value("wrongItemAdvice");
  static final Variable<String> POSTAGE_PAID_BY = Variable.text("postagePaidBy", "运费承担");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY,
          WrongItemClaimVariables.class,
          ClaimVariables.class,
          ReshipCallVariables.class,
          CaseVariables.class,
          RefundCallVariables.class);

  private WrongItemClaimVariables() {}
}
