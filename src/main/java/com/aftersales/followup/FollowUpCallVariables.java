package com.aftersales.followup;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.followup.FollowUpCallSteps.Answer;
import com.aftersales.followup.FollowUpCallSteps.Level;
import com.aftersales.followup.FollowUpCallSteps.Problem;
import com.aftersales.followup.FollowUpCallSteps.RouteTo;
import java.util.Date;

/** {@code bpmn/follow-up-call.bpmn}: its key, the element ids code names, and its variables. */
final class FollowUpCallVariables {
  static final String PROCESS_KEY = "follow-up-call";

  // element ids: the ends, each an outcome in follow_up_call
  static final String END_ROUTED = "endEvent_routed";
  static final String END_NOT_REACHED = "endEvent_notReached";

  // set when the call is selected: why, and the region's slot (the task's follow-up and due date)
  static final Variable<Scenario> SCENARIO = Variable.choice("scenario", "回访场景", Scenario.class);
  static final Variable<Date> FOLLOW_UP_AT = Variable.time("followUpAt");
  static final Variable<Date> FOLLOW_UP_DUE = Variable.time("followUpDue");

  // shown on follow-up-call (order id, buyer, name and item are the case variables)
  static final String CALL_TASK = "userTask_call";

  static final Variable<String> PHONE = Variable.text("phone", "联系电话");
  static final Variable<String> SCENARIO_LABEL = Variable.text("scenarioLabel", "回访场景");
  static final Variable<String> PROVINCE = Variable.text("province", "省份");
  static final Variable<String> REGION_LABEL = Variable.text("regionLabel", "区域");
  static final Variable<String> FOLLOW_UP_AT_TEXT = Variable.text("followUpAtText", "建议回访时段");
  static final Variable<String> WORDING = Variable.text("wording", "回访话术");
  static final Variable<Long> CALL_ATTEMPTS = Variable.count("callAttempts", "已拨打次数");

  // follow-up-call: what the agent records
  static final Variable<Answer> REACHED_ANSWER =
      Variable.choice("reachedAnswer", "是否联系上", Answer.class);
  static final Variable<Level> PRODUCT_SATISFACTION =
      Variable.choice("productSatisfaction", "商品满意度", Level.class);
  static final Variable<Level> SERVICE_ATTITUDE =
      Variable.choice("serviceAttitude", "服务态度满意度", Level.class);
  static final Variable<Level> SERVICE_SKILL =
      Variable.choice("serviceSkill", "服务技能满意度", Level.class);
  static final Variable<Problem> PROBLEM = Variable.choice("problem", "发现的问题", Problem.class);
  static final Variable<RouteTo> ROUTE_TO = Variable.choice("routeTo", "转到", RouteTo.class);
  static final Variable<String> SUGGESTIONS = Variable.text("suggestions", "买家建议");
  static final Variable<String> CALL_NOTE = Variable.text("callNote", "回访备注");

  // the gateways: reached, or tried again up to the maximum; routed when a case is needed
  static final Variable<Boolean> REACHED = Variable.flag("reached");
  static final Variable<Long> CALL_MAX_ATTEMPTS = Variable.count("callMaxAttempts");
  static final Variable<String> ROUTED_CASE_ID = Variable.text("routedCaseId", "转出单号");

  /** A logistics case a call opens says it came from the call (its start field "来源"). */
  static final Variable<String> ROUTED_SOURCE = Variable.text("reportSource", "来源");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(PROCESS_KEY, FollowUpCallVariables.class, CaseVariables.class);

  private FollowUpCallVariables() {}
}
