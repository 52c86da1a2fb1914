package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statement kinds the claim benchmark reports its statements by. */
class DatabaseCountersTest {

  @Test
  void aStatementIsKnownByItsVerbAndFirstTable() {
    assertThat(
            DatabaseCounters.kind(
                "insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_) values ($1, $2),($3,$4)"))
        .isEqualTo("insert act_hi_varinst");
    assertThat(DatabaseCounters.kind("update ACT_RU_TASK\n  SET REV_ = $1 where ID_ = $2"))
        .isEqualTo("update act_ru_task");
    assertThat(DatabaseCounters.kind("delete from ACT_RU_VARIABLE where ID_ = $1 and REV_ = $2"))
        .isEqualTo("delete act_ru_variable");
    assertThat(
            DatabaseCounters.kind(
                "select distinct RES.* from ACT_RU_TASK RES inner join ACT_RU_IDENTITYLINK I"))
        .isEqualTo("select act_ru_task");
    assertThat(DatabaseCounters.kind("select nextval('case_seq')"))
        .isEqualTo("select nextval('case_seq')");
  }

  @Test
  void theLargestDifferencesComeFirstPerCase() {
    var ours =
        new DatabaseCounters.Delta(
            70, 4, Map.of("insert act_hi_varinst", 40L, "select act_ru_task", 20L, "x", 10L));
    var bare = new DatabaseCounters.Delta(24, 4, Map.of("insert act_hi_varinst", 4L, "x", 20L));
    assertThat(DatabaseCounters.largestDifferences(ours, bare, 2, 2))
        .containsExactly("insert act_hi_varinst 20.0 vs 2.0", "select act_ru_task 10.0 vs 0.0");
    assertThat(
            new DatabaseCounters.Delta(
                    5, 1, Map.of(DatabaseCounters.NESTED + "select only", 7L, "insert x", 5L))
                .nested())
        .isEqualTo(7);
    assertThat(ours.plus(bare).calls())
        .containsEntry("x", 30L)
        .containsEntry("insert act_hi_varinst", 44L);
  }
}
