package com.aftersales.followup;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;

/** {@code bpmn/follow-up-spot-check.bpmn}: its key and its variables. */
final class SpotCheckVariables {
  static final String PROCESS_KEY = "follow-up-spot-check";

  // the call checked (set when sampled), shown on follow-up-spot-check with its order id
  static final Variable<String> CALL_CASE_ID = Variable.text("callCaseId", "回访单号");
  static final Variable<String> CALLER = Variable.text("caller", "回访客服");
  static final Variable<String> SCENARIO_LABEL = Variable.text("scenarioLabel", "回访场景");
  static final Variable<String> CALL_RESULT_TEXT = Variable.text("callResultText", "回访记录");

  // follow-up-spot-check: the supervisor's scores, 1 to 5 each
  static final Variable<Long> SCORE_WORDING = Variable.count("scoreWording", "话术规范得分");
  static final Variable<Long> SCORE_ATTITUDE = Variable.count("scoreAttitude", "服务态度得分");
  static final Variable<Long> SCORE_RECORD = Variable.count("scoreRecord", "记录完整得分");
  static final Variable<String> CHECK_NOTE = Variable.text("checkNote", "点评");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(PROCESS_KEY, SpotCheckVariables.class, CaseVariables.class);

  private SpotCheckVariables() {}
}
