package com.aftersales.followup;

import static com.aftersales.followup.SpotCheckVariables.CALL_CASE_ID;
import static com.aftersales.followup.SpotCheckVariables.PROCESS_KEY;

import com.aftersales.base.Access;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily spot-check sample (SOP §7): which of a day's completed calls a supervisor scores, and
 * the spot checks it opens ({@code bpmn/follow-up-spot-check.bpmn}).
 */
@Service
public class SpotCheckSampling {

  /** What a sampling run did. */
  public record Sampling(
      LocalDate day, int completedCalls, int sampled, List<String> callCaseIds) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final FollowUpConfig config;

  SpotCheckSampling(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      IdentityService identity,
      PlatformTransactionManager transactions,
      FollowUpConfig config) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.config = config;
  }

  /**
   * Samples the share of {@code day}'s completed (reached) calls for a supervisor to score. The
   * sample is random but reproducible: the calls are ordered by a hash of the day and the call, and
   * the first share of them are taken; a call already sampled is not sampled again (the unique call
   * in {@code spot_check} keeps it so when runs race).
   */
  public Sampling sample(LocalDate day) {
    // the role was checked; the system opens the spot checks
    return Access.asSystem(identity, () -> openSpotChecks(day));
  }

  private Sampling openSpotChecks(LocalDate day) {
    List<Map<String, Object>> calls =
        jdbc.queryForList(
            "select f.case_id, f.caller from follow_up_call f where f.completed_on = ?"
                + " and f.reached = true",
            day);
    int take = (int) Math.ceil(calls.size() * config.spotCheckShare());
    List<Map<String, Object>> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparing(c -> rank(day, (String) c.get("case_id"))));
    List<String> sampled = new ArrayList<>();
    for (Map<String, Object> c : ordered.subList(0, take)) {
      String callCaseId = (String) c.get("case_id");
      if (openSpotCheck(day, callCaseId, (String) c.get(CallRecord.CALLER))) {
        sampled.add(callCaseId);
      }
    }
    return new Sampling(day, calls.size(), sampled.size(), sampled);
  }

  /** A call's place in the day's draw: a hash of the day and the call. */
  static String rank(LocalDate day, String caseId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((day + "|" + caseId).getBytes(StandardCharsets.UTF_8));
      return String.format("%064x", new BigInteger(1, digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean openSpotCheck(LocalDate day, String callCaseId, String caller) {
    String caseId = "SPOT-" + callCaseId;
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into spot_check (case_id, call_case_id, sampled_on, caller) values (?,?,?,?)",
                    caseId,
                    callCaseId,
                    day,
                    caller);
                runtime.startProcessInstanceByKey(
                    PROCESS_KEY, caseId, CALL_CASE_ID.put(new HashMap<>(), callCaseId));
                return true;
              }));
    } catch (DuplicateKeyException already) {
      return false;
    }
  }
}
