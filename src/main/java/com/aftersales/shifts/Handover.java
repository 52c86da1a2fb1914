package com.aftersales.shifts;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hands a shift's work over in one step: every open task of the outgoing agents moves to one agent,
 * is spread over the incoming shift by open-task count, or goes back to the group pool. The note is
 * attached to each task as a comment the next agent sees. Each task moves on its own, so a task
 * completed or moved meanwhile is reported and the rest carry on; a second run finds nothing left
 * to move.
 */
@Service
public class Handover {

  /** Where the work goes. */
  public enum Target {
    AGENT,
    SHIFT,
    POOL
  }

  /** What happened to one task. */
  public enum Outcome {
    MOVED,
    ALREADY_MOVED,
    GONE,
    FAILED
  }

  /** A handover: from whom, to where, why. */
  public record Request(
      List<String> fromAgents,
      String fromShift,
      Target target,
      String toAgent,
      String toShift,
      String note) {}

  /** The most agents one handover takes (a team is far smaller; a longer list is a mistake). */
  static final int MAX_AGENTS = 100;

  /** One task's result. */
  public record TaskResult(
      String taskId,
      String taskName,
      String caseId,
      String from,
      String to,
      Outcome outcome,
      String message) {}

  /** The answer: the batch id (to find it in the history) and every task's result. */
  public record Result(String batchId, int moved, List<TaskResult> tasks) {}

  static final int NOTE_LIMIT = 500;
  static final int CHUNK = 50;

  /** A task of a chunk could not move: the chunk is rolled back and redone task by task. */
  private static final class ChunkFailed extends RuntimeException {
    ChunkFailed() {
      super(null, null, false, false);
    }
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Roster roster;
  private final ShiftsConfig shifts;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate tx;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  Handover(
      TaskService tasks,
      RuntimeService runtime,
      IdentityService identity,
      Roster roster,
      ShiftsConfig shifts,
      JdbcTemplate jdbc,
      Clock clock,
      org.springframework.transaction.PlatformTransactionManager transactions,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.roster = roster;
    this.shifts = shifts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Result handOver(Request request, String by) {
    String note = request.note() == null ? "" : request.note().trim();
    if (note.isEmpty()) {
      throw new InvalidInputException("note", "请填写交接说明，接班同事会在每个任务里看到它");
    }
    if (note.length() > NOTE_LIMIT) {
      throw new InvalidInputException("note", "交接说明最多 " + NOTE_LIMIT + " 个字");
    }
    Set<String> from = outgoing(request);
    if (request.target() == null) {
      throw new InvalidInputException("target", "请选择交给谁：AGENT 某位客服、SHIFT 接班班次、POOL 退回组任务池");
    }
    List<String> receivers = receivers(request, from);
    return move(from, request.target(), receivers, note, by);
  }

  /** Moves every open task of {@code from}; used by the handover and by the end of a shift. */
  Result move(Set<String> from, Target target, List<String> receivers, String note, String by) {
    List<Task> open =
        from.isEmpty()
            ? List.of()
            : tasks
                .createTaskQuery()
                .taskAssigneeIn(from.toArray(String[]::new))
                .orderByTaskCreateTime()
                .asc()
                .list();
    return moveListed(open, from, target, receivers, note, by);
  }

  /** Moves tasks as they were listed; each is looked at again just before it moves. */
  Result moveListed(
      List<Task> open,
      Set<String> from,
      Target target,
      List<String> receivers,
      String note,
      String by) {
    String batch = UUID.randomUUID().toString();
    Workloads loads = new Workloads(tasks, receivers);
    List<TaskResult> results = new ArrayList<>();
    // Tasks move in chunks, one transaction each (a commit per task is most of the cost); a chunk
    // that cannot commit is done again task by task, so one failure never hides the others.
    for (int start = 0; start < open.size(); start += CHUNK) {
      List<Task> chunk = open.subList(start, Math.min(open.size(), start + CHUNK));
      java.util.Map<String, String> cases = caseIds(chunk);
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        targets.add(target == Target.POOL ? null : loads.next());
      }
      List<TaskResult> done;
      try {
        done =
            tx.execute(
                status -> {
                  List<TaskResult> rs = new ArrayList<>();
                  for (int i = 0; i < chunk.size(); i++) {
                    TaskResult r =
                        moveOne(
                            chunk.get(i),
                            cases.get(chunk.get(i).getProcessInstanceId()),
                            from,
                            targets.get(i),
                            note,
                            by,
                            batch);
                    if (r.outcome() == Outcome.FAILED) {
                      throw new ChunkFailed();
                    }
                    rs.add(r);
                  }
                  return rs;
                });
      } catch (ChunkFailed | org.springframework.transaction.TransactionException again) {
        done = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
          done.add(
              moveOne(
                  chunk.get(i),
                  cases.get(chunk.get(i).getProcessInstanceId()),
                  from,
                  targets.get(i),
                  note,
                  by,
                  batch));
        }
      }
      results.addAll(done);
    }
    int moved = (int) results.stream().filter(r -> r.outcome() == Outcome.MOVED).count();
    return new Result(batch, moved, results);
  }

  private TaskResult moveOne(
      Task seen, String caseId, Set<String> from, String to, String note, String by, String batch) {
    Outcome outcome;
    String message = null;
    try {
      // Look and move in one transaction, with the task's row locked: a second handover (on this
      // node or another) waits here and then sees where the task went, so nothing moves twice.
      String[] seenNow = new String[1];
      outcome =
          tx.execute(
              status -> {
                List<String> assignee =
                    jdbc.query(
                        "select ASSIGNEE_ from ACT_RU_TASK where ID_ = ? for update",
                        (rs, n) -> String.valueOf(rs.getString(1)),
                        seen.getId());
                if (assignee.isEmpty()) {
                  return Outcome.GONE;
                }
                String current = "null".equals(assignee.get(0)) ? null : assignee.get(0);
                if (!from.contains(current)) {
                  seenNow[0] = current;
                  return Outcome.ALREADY_MOVED;
                }
                tasks.setAssignee(seen.getId(), to);
                tasks.createComment(
                    seen.getId(),
                    seen.getProcessInstanceId(),
                    "【交接】" + seen.getAssignee() + " → " + (to == null ? "组任务池" : to) + "：" + note);
                return Outcome.MOVED;
              });
      if (outcome == Outcome.GONE) {
        message = "任务已完成或已取消";
      } else if (outcome == Outcome.ALREADY_MOVED) {
        message = "任务已在 " + (seenNow[0] == null ? "任务池" : seenNow[0]) + " 名下";
      }
    } catch (ProcessEngineException e) {
      outcome = Outcome.FAILED;
      message = e.getMessage();
    }
    jdbc.update(
        "insert into handover_log (batch_id, task_id, task_name, case_id, from_user, to_user, result, note, moved_by, moved_at)"
            + " values (?,?,?,?,?,?,?,?,?,?)",
        batch,
        seen.getId(),
        seen.getName(),
        caseId,
        seen.getAssignee(),
        to,
        outcome.name(),
        note,
        by,
        OffsetDateTime.now(clock));
    String result = outcome.name();
    com.aftersales.base.AfterCommit.run(
        () -> meters.counter("aftersales.handovers", "result", result).increment());
    return new TaskResult(
        seen.getId(), seen.getName(), caseId, seen.getAssignee(), to, outcome, message);
  }

  /** Case ids of the chunk's processes, read in one query. */
  private java.util.Map<String, String> caseIds(List<Task> chunk) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    chunk.forEach(
        t -> {
          if (t.getProcessInstanceId() != null) {
            ids.add(t.getProcessInstanceId());
          }
        });
    java.util.Map<String, String> cases = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceIds(ids)
          .list()
          .forEach(pi -> cases.put(pi.getId(), pi.getBusinessKey()));
    }
    return cases;
  }

  private Set<String> outgoing(Request request) {
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

  private List<String> receivers(Request request, Set<String> from) {
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
