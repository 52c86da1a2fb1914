package com.aftersales.followup;

import static com.aftersales.followup.FollowUpCallVariables.*;

import com.aftersales.base.Roles;
import com.aftersales.base.TasklistFilter;
import com.aftersales.base.TasklistFilter.Column;
import com.aftersales.cases.CaseVariables;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agents' Tasklist filter of follow-up calls whose regional time slot has begun. */
@Configuration
class FollowUpFilters {

  @Bean
  TasklistFilter callsDueNow() {
    return new TasklistFilter(
        "现在可以回访",
        "回访时段已到的回访任务（按区域时段）",
        -3,
        List.of(
            new Column(CaseVariables.ORDER_ID, "订单编号"),
            new Column(SCENARIO_LABEL, "回访场景"),
            new Column(REGION_LABEL, "区域"),
            new Column(PHONE, "电话")),
        tasks ->
            tasks
                .createTaskQuery()
                .taskDefinitionKey(CALL_TASK)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .followUpBeforeOrNotExistentExpression("${now()}")
                .orderByDueDate()
                .asc(),
        List.of(Roles.AGENTS, Roles.SUPERVISORS));
  }
}
