package com.aftersales.shifts;

import com.aftersales.base.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
  private final HandoverChecks checks;
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
    this.checks = new HandoverChecks(identity, roster, shifts);
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
    Set<String> from = checks.outgoing(request);
    if (request.target() == null) {
      throw new InvalidInputException("target", "请选择交给谁：AGENT 某位客服、SHIFT 接班班次、POOL 退回组任务池");
    }
    List<String> receivers = checks.receivers(request, from);
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
    // Tasks move in chunks, one transaction each, locked with one statement and logged with one
    // batch (moveChunk); a chunk that cannot commit is done again task by task (moveOne), so one
    // failure never hides the others.
    for (int start = 0; start < open.size(); start += CHUNK) {
      List<Task> chunk = open.subList(start, Math.min(open.size(), start + CHUNK));
      java.util.Map<String, String> cases = caseIds(chunk);
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        targets.add(target == Target.POOL ? null : loads.next());
      }
      List<TaskResult> done;
      try {
        done = tx.execute(status -> moveChunk(chunk, cases, from, targets, note, by, batch));
      } catch (ChunkFailed
          | org.springframework.transaction.TransactionException
          | org.springframework.dao.DataAccessException again) {
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

  /**
   * Moves one chunk in the caller's transaction: the chunk's task rows are locked and read with one
   * statement (in id order, so two handovers lock alike and one waits for the other), each task
   * that is still the outgoing agents' is reassigned with its note, and the chunk's log rows are
   * written as one JDBC batch. A task the engine refuses fails the whole chunk ({@link
   * ChunkFailed}), which is then done again task by task.
   */
  private List<TaskResult> moveChunk(
      List<Task> chunk,
      java.util.Map<String, String> cases,
      Set<String> from,
      List<String> targets,
      String note,
      String by,
      String batch) {
    List<String> ids = chunk.stream().map(Task::getId).sorted().toList();
    java.util.Map<String, String> current = new java.util.HashMap<>();
    jdbc.query(
        "select ID_, ASSIGNEE_ from ACT_RU_TASK where ID_ in ("
            + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
            + ") order by ID_ for update",
        rs -> {
          current.put(rs.getString(1), rs.getString(2));
        },
        ids.toArray());
    List<TaskResult> results = new ArrayList<>();
    List<Object[]> logs = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (int i = 0; i < chunk.size(); i++) {
      Task seen = chunk.get(i);
      String caseId = cases.get(seen.getProcessInstanceId());
      String to = targets.get(i);
      Outcome outcome;
      String message = null;
      if (!current.containsKey(seen.getId())) {
        outcome = Outcome.GONE;
        message = "任务已完成或已取消";
      } else if (current.get(seen.getId()) == null || !from.contains(current.get(seen.getId()))) {
        // back in the pool (no holder) or with someone else: not the outgoing agents' any more
        String holder = current.get(seen.getId());
        outcome = Outcome.ALREADY_MOVED;
        message = "任务已在 " + (holder == null ? "任务池" : holder) + " 名下";
      } else {
        try {
          reassign(seen, to, note);
        } catch (ProcessEngineException e) {
          throw new ChunkFailed();
        }
        outcome = Outcome.MOVED;
      }
      logs.add(logRow(batch, seen, caseId, to, outcome, note, by, now));
      results.add(
          new TaskResult(
              seen.getId(), seen.getName(), caseId, seen.getAssignee(), to, outcome, message));
    }
    jdbc.batchUpdate(LOG_INSERT, logs);
    java.util.Map<String, Long> counts =
        results.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    r -> r.outcome().name(), java.util.stream.Collectors.counting()));
    com.aftersales.base.AfterCommit.run(
        () ->
            counts.forEach(
                (result, n) ->
                    meters.counter("aftersales.handovers", "result", result).increment(n)));
    return results;
  }

  /** Gives the task to {@code to} (null: the pool) with the note as a comment on the task. */
  private void reassign(Task seen, String to, String note) {
    tasks.setAssignee(seen.getId(), to);
    tasks.createComment(
        seen.getId(),
        seen.getProcessInstanceId(),
        "【交接】" + seen.getAssignee() + " → " + (to == null ? "组任务池" : to) + "：" + note);
  }

  /** One row of {@code handover_log}, in the order of {@link #LOG_INSERT}. */
  private static Object[] logRow(
      String batch,
      Task seen,
      String caseId,
      String to,
      Outcome outcome,
      String note,
      String by,
      OffsetDateTime at) {
    return new Object[] {
      batch,
      seen.getId(),
      seen.getName(),
      caseId,
      seen.getAssignee(),
      to,
      outcome.name(),
      note,
      by,
      at
    };
  }

  private static final String LOG_INSERT =
      "insert into handover_log (batch_id, task_id, task_name, case_id, from_user, to_user, result,"
          + " note, moved_by, moved_at) values (?,?,?,?,?,?,?,?,?,?)";

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
                reassign(seen, to, note);
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
        LOG_INSERT, logRow(batch, seen, caseId, to, outcome, note, by, OffsetDateTime.now(clock)));
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
}
