package com.aftersales.followup;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.followup.ComplaintService.Department;
import com.aftersales.followup.ComplaintService.Kind;
import java.util.Date;

/** {@code bpmn/complaint.bpmn}: its key, the element ids code names, and its variables. */
final class ComplaintVariables {
  static final String PROCESS_KEY = "complaint";

  // element ids
  static final String ESCALATE_RESPONSE = "serviceTask_escalateResponse";

  // complaint-respond
  static final Variable<Kind> COMPLAINT_KIND = Variable.choice("complaintKind", "投诉类型", Kind.class);
  static final Variable<String> WHAT_WAS_SAID = Variable.text("whatWasSaid", "顾客原话与诉求");
  static final Variable<Boolean> APOLOGIZED = Variable.flag("apologized", "已向顾客致歉");
  static final Variable<String> COMPLAINT_KIND_LABEL = Variable.text("complaintKindLabel");

  // complaint-handle
  static final Variable<Department> DEPARTMENT =
      Variable.choice("department", "责任部门", Department.class);
  static final Variable<String> COMPLAINT_OUTCOME = Variable.text("complaintOutcome", "处理结果");

  // deadlines
  static final Variable<Date> COMPLAINT_HANDLE_DUE = Variable.time("complaintHandleDue");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(PROCESS_KEY, ComplaintVariables.class, CaseVariables.class);

  private ComplaintVariables() {}
}
