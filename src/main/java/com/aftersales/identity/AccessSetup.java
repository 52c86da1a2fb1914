package com.aftersales.identity;

import static com.aftersales.base.Roles.*;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.aftersales.base.Roles;
import com.aftersales.base.TasklistFilter;
import com.aftersales.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups, their authorizations and the Tasklist filters on every start. Each step
 * only adds what is missing, so a restart changes nothing and an administrator's additions stay.
 */
@Component
class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  static final List<String> CASE_PROCESSES =
      java.util.Arrays.stream(com.aftersales.cases.CaseKind.values())
          .map(k -> k.processKey())
          .toList();

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final List<TasklistFilter> contributions;

  AccessSetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      List<TasklistFilter> contributions) {
    this.contributions = contributions;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void setUp() {
    for (Roles.Role role : Roles.ALL) {
      if (identity.createGroupQuery().groupId(role.id()).count() == 0) {
        Group g = identity.newGroup(role.id());
        g.setName(role.name());
        g.setType("WORKFLOW");
        identity.saveGroup(g);
      }
      if (role.id().equals(Roles.BACK_OFFICE) || role.id().equals(Roles.OPERATIONS)) {
        // system accounts: the back office only calls /api/refunds/events, operations only
        // /actuator (checked by ActuatorAccessFilter, not by the engine)
        continue;
      }
      grant(role.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // colleagues' names in Tasklist and on the supervisor's handover and roster
      grant(role.id(), Resources.USER, "*", Permissions.READ);
      grant(role.id(), Resources.GROUP, "*", Permissions.READ);
      // READ_INSTANCE: the task list shows each task's case variables (case id, order, buyer)
      grant(
          role.id(),
          Resources.PROCESS_DEFINITION,
          "*",
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE);
    }
    for (String key : CASE_PROCESSES) {
      for (String group : List.of(AGENTS, SUPERVISORS)) {
        grant(
            group,
            Resources.PROCESS_DEFINITION,
            key,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    for (String group : List.of(AGENTS, SUPERVISORS)) {
      grant(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    }
    // Supervisors: see every task, hand work over, watch every case.
    grant(
        SUPERVISORS,
        Resources.TASK,
        "*",
        TaskPermissions.READ,
        TaskPermissions.UPDATE,
        TaskPermissions.TASK_ASSIGN);
    grant(
        SUPERVISORS,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.TASK_ASSIGN);
    grant(SUPERVISORS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    grant(SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // The back office's integration account: finds an order's refund and sends it the event.
    grant(
        BACK_OFFICE,
        Resources.PROCESS_DEFINITION,
        "refund",
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(
        BACK_OFFICE,
        Resources.PROCESS_DEFINITION,
        "dunning",
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    // Process owners: deploy and manage models and decisions.
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.ALL);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
    grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
    grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
    grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.ALL);
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    createFilters();
  }

  private void createFilters() {
    Map<String, Object> caseColumns =
        Map.of(
            "variables",
            List.of(
                Map.of("name", CaseVariables.CASE_ID.name(), "label", "售后单号"),
                Map.of("name", CaseVariables.CASE_KIND_LABEL.name(), "label", "类型"),
                Map.of("name", CaseVariables.ORDER_ID.name(), "label", "订单编号"),
                Map.of("name", CaseVariables.BUYER_ID.name(), "label", "买家")),
            "refresh",
            true);
    filter(
        "我的任务",
        "分配给我的待办",
        -10,
        caseColumns,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        List.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE, PROCESS_OWNERS));
    filter(
        "我组的任务",
        "本组待领取的任务",
        -5,
        caseColumns,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned()
            .orderByDueDate()
            .asc(),
        List.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE, PROCESS_OWNERS));
    for (TasklistFilter contributed : contributions) {
      List<Map<String, Object>> columns = new java.util.ArrayList<>();
      contributed
          .columns()
          .forEach(c -> columns.add(Map.of("name", c.variable().name(), "label", c.label())));
      filter(
          contributed.name(),
          contributed.description(),
          contributed.priority(),
          Map.of("variables", columns, "refresh", true),
          contributed.query().apply(tasks),
          contributed.groups());
    }
    filter(
        "已逾期",
        "已过期限、需立即处理",
        0,
        caseColumns,
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
        List.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE, PROCESS_OWNERS));
    filter(
        "全部待办",
        "所有队列的未完成任务（主管）",
        5,
        caseColumns,
        tasks.createTaskQuery().orderByDueDate().asc(),
        List.of(SUPERVISORS));
  }

  private void filter(
      String name,
      String description,
      int priority,
      Map<String, Object> columns,
      TaskQuery query,
      List<String> groups) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing == null) {
      Map<String, Object> properties = new java.util.HashMap<>(columns);
      properties.put("description", description); // not a process variable: a filter property
      properties.put("priority", priority);
      existing = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
      filters.saveFilter(existing);
      LOG.info("Created Tasklist filter '{}'", name);
    }
    for (String group : groups) {
      grant(group, Resources.FILTER, existing.getId(), Permissions.READ);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... perms) {
    Authorization auth =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = false;
    for (Permission p : perms) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}
