package com.aftersales.base;

import java.util.List;

/** The Camunda groups of the roles table in README.md. */
public final class Roles {
  public static final String AGENTS = "agents";
  public static final String SUPERVISORS = "supervisors";
  public static final String WAREHOUSE = "warehouse";
  public static final String FINANCE = "finance";
  public static final String PROCESS_OWNERS = "process-owners";

  /** The shop back office's integration account: reports refund events, works no tasks. */
  public static final String BACK_OFFICE = "back-office";

  /**
   * Operations: reads the application's metrics and health details under {@code /actuator}, works
   * no tasks.
   */
  public static final String OPERATIONS = "operations";

  /** Group id and its Chinese name. */
  public record Role(String id, String name) {}

  public static final List<Role> ALL =
      List.of(
          new Role(AGENTS, "售后客服"),
          new Role(SUPERVISORS, "客服主管"),
          new Role(WAREHOUSE, "仓库（打单/发货）"),
          new Role(FINANCE, "退款/财务"),
          new Role(PROCESS_OWNERS, "运营（流程负责人）"),
          new Role(BACK_OFFICE, "店铺后台（系统对接）"),
          new Role(OPERATIONS, "运维（监控）"));

  private Roles() {}
}
