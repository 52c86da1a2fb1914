package com.aftersales.shifts;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;

/** Who hands over and who receives: a handover's request checked, with the clerk's messages. */
final class HandoverChecks {

  /** The most agents one handover takes (a team is far smaller; a longer list is a mistake). */
  static final int MAX_AGENTS = 100;

  private final IdentityService identity;
  private final Roster roster;
  private final ShiftsConfig shifts;

  HandoverChecks(IdentityService identity, Roster roster, ShiftsConfig shifts) {
    this.identity = identity;
    this.roster = roster;
    this.shifts = shifts;
  }

  Set<String> outgoing(Handover.Request request) {
    Set<String> from = new LinkedHashSet<>();
    if (request.fromAgents() != null && request.fromAgents().size() > MAX_AGENTS) {
      throw new InvalidInputException("fromAgents", "一次最多交接 " + MAX_AGENTS + " 位客服的工作，请分批交接");
    }
    if (request.fromAgents() != null) {
      request.fromAgents().stream()
          .filter(a -> a != null && !a.isBlank())
          .map(String::trim)
          .forEach(from::add);
    }
    if (request.fromShift() != null && !request.fromShift().isBlank()) {
      String code = shift(request.fromShift(), "fromShift");
      from.addAll(roster.members(roster.thisWeek(), code));
    }
    if (from.isEmpty()) {
      throw new InvalidInputException("fromAgents", "请选择交班的客服，或选择交班的班次（本周排班里要有人）");
    }
    return from;
  }

  List<String> receivers(Handover.Request request, Set<String> from) {
    return switch (request.target()) {
      case POOL -> List.of();
      case AGENT -> {
        String agent = request.toAgent() == null ? "" : request.toAgent().trim();
        if (agent.isEmpty()) {
          throw new InvalidInputException("toAgent", "请选择接班的客服");
        }
        if (identity.createUserQuery().userId(agent).memberOfGroup(Roles.AGENTS).count() == 0) {
          throw new InvalidInputException("toAgent", "找不到客服 " + agent + "（需是售后客服组成员）");
        }
        if (from.contains(agent)) {
          throw new InvalidInputException("toAgent", "不能交接给交班的客服本人");
        }
        yield List.of(agent);
      }
      case SHIFT -> {
        String code = shift(request.toShift(), "toShift");
        List<String> members = new ArrayList<>(roster.members(roster.thisWeek(), code));
        members.removeAll(from);
        if (members.isEmpty()) {
          throw new InvalidInputException("toShift", "本周 " + code + " 班没有可接班的客服，请先排班");
        }
        yield members;
      }
    };
  }

  private String shift(String code, String field) {
    String c = code == null ? "" : code.trim().toUpperCase();
    return shifts
        .find(c)
        .map(ShiftsConfig.Shift::code)
        .orElseThrow(
            () -> new InvalidInputException(field, "没有班次 “" + code + "”，可选：" + shifts.choices()));
  }
}
