package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fifty agents' harness keeps why an answer nobody expected was given. */
class AgentLoadTest {

  @Test
  void anUnexpectedAnswerIsKnownByTheEnginesTypeAndMessage() {
    assertThat(
            AgentLoad.reason(
                "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of"
                    + "\\n 'UPDATE TaskEntity' failed\",\"code\":1}"))
        .isEqualTo(
            " (OptimisticLockingException: ENGINE-03005 Execution of 'UPDATE TaskEntity' failed)");
    assertThat(AgentLoad.reason("<html>Bad Gateway</html>"))
        .isEqualTo(" (<html>Bad Gateway</html>)");
    assertThat(AgentLoad.reason("")).isEmpty();
    assertThat(AgentLoad.reason(null)).isEmpty();
    assertThat(AgentLoad.reason("{\"message\":\"" + "x".repeat(200) + "\"}"))
        .hasSize(2 + 120 + 1 + 1)
        .endsWith("x…)");
  }
}
