package com.aftersales.base;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may do what, in one place: the role check of our REST endpoints and of task listeners, and
 * "the system does this" for work a checked user started but the engine must do unattended.
 */
public final class Access {

  /** Camunda's administrators' group: they pass every role check. */
  public static final String ADMINS = "camunda-admin";

  /**
   * The staff who work cases and so may see any case, its photos and its page: agents, supervisors,
   * the warehouse, finance and the process owners (not the back office's integration account).
   */
  public static final String[] CASE_READERS = {
    Roles.AGENTS, Roles.SUPERVISORS, Roles.WAREHOUSE, Roles.FINANCE, Roles.PROCESS_OWNERS
  };

  /** Who may add evidence photos to a case: agents, supervisors, and the warehouse. */
  public static final String[] PHOTO_UPLOADERS = {Roles.AGENTS, Roles.SUPERVISORS, Roles.WAREHOUSE};

  private Access() {}

  /** The signed-in user's id when they may see cases ({@link #CASE_READERS}). */
  public static String requireCaseReader(IdentityService identity) {
    return require(identity, "您的账号不能查看售后单，请用客服、主管、仓库或财务账号登录", CASE_READERS);
  }

  /**
   * The signed-in user's id when they belong to one of {@code groups} (administrators always do).
   *
   * @throws ForbiddenException with {@code refusal} otherwise, or when nobody is signed in
   */
  public static String require(IdentityService identity, String refusal, String... groups) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || !inAny(auth.getGroupIds(), groups)) {
      throw new ForbiddenException(refusal);
    }
    return auth.getUserId();
  }

  /**
   * Whether whoever acts on a task belongs to {@code group}: the signed-in user when there is one,
   * else the task's assignee; the engine itself (nobody signed in, nobody assigned) acts for the
   * system and passes.
   */
  public static boolean actorIsIn(IdentityService identity, String assignee, String group) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth != null) {
      return auth.getGroupIds() != null && auth.getGroupIds().contains(group);
    }
    if (assignee != null) {
      return identity.createUserQuery().userId(assignee).memberOfGroup(group).count() > 0;
    }
    return true;
  }

  /**
   * Runs {@code work} as the system (nobody signed in), then signs the caller back in: for work
   * whose caller's role was already checked, such as the daily runs that open cases.
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static boolean inAny(List<String> mine, String... groups) {
    if (mine == null) {
      return false;
    }
    return mine.contains(ADMINS) || mine.stream().anyMatch(List.of(groups)::contains);
  }
}
