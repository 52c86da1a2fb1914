package com.aftersales.identity;

import com.aftersales.cases.ForbiddenException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The role check of our own REST endpoints: the signed-in user must be in one of the groups. */
public final class Access {

  private Access() {}

  /**
   * The signed-in user's id when they belong to one of {@code groups} (administrators always do).
   *
   * @throws ForbiddenException with {@code refusal} otherwise, or when nobody is signed in
   */
  public static String require(IdentityService identity, String refusal, String... groups) {
    Authentication auth = identity.getCurrentAuthentication();
    List<String> mine = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    if (auth == null
        || (mine.stream().noneMatch(List.of(groups)::contains)
            && !mine.contains("camunda-admin"))) {
      throw new ForbiddenException(refusal);
    }
    return auth.getUserId();
  }
}
