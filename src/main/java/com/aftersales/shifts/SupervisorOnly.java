package com.aftersales.shifts;

import com.aftersales.cases.ForbiddenException;
import com.aftersales.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Lets a supervisor (or an administrator) through and refuses everybody else. */
final class SupervisorOnly {

  private SupervisorOnly() {}

  /** The signed-in supervisor's id. */
  static String require(IdentityService identity, String refusal) {
    Authentication auth = identity.getCurrentAuthentication();
    List<String> groups =
        auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    if (auth == null || !(groups.contains(Roles.SUPERVISORS) || groups.contains("camunda-admin"))) {
      throw new ForbiddenException(refusal);
    }
    return auth.getUserId();
  }
}
