package com.aftersales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * A node's name for its imports is the same after a restart and differs between nodes on one
 * database; without a fixed port it cannot be the same, so it is never shared either.
 */
class ImportNodeTest {

  @Test
  void theConfiguredNameComesFirstThenTheJobLogNameThenHostAndPort() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("aftersales.node-id", " shop-node-1 ")
            .withProperty("camunda.bpm.generic-properties.properties.hostname", "job-log-name")
            .withProperty("server.port", "8080");
    assertThat(ImportNode.of(env).value()).isEqualTo("shop-node-1");

    env =
        new MockEnvironment()
            .withProperty("camunda.bpm.generic-properties.properties.hostname", "job-log-name")
            .withProperty("server.port", "8080");
    assertThat(ImportNode.of(env).value()).isEqualTo("job-log-name");
  }

  @Test
  void byDefaultItIsTheHostAndPortTheSameAtEveryStartAndDifferentForAnotherPort() {
    ImportNode first = ImportNode.of(new MockEnvironment().withProperty("server.port", "8080"));
    ImportNode again = ImportNode.of(new MockEnvironment().withProperty("server.port", "8080"));
    ImportNode other = ImportNode.of(new MockEnvironment().withProperty("server.port", "8081"));
    assertThat(first.value()).endsWith(":8080").hasSizeGreaterThan(":8080".length());
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aNodeOnARandomPortHasANameOfItsOwnAtEachStart() {
    ImportNode first = ImportNode.of(new MockEnvironment().withProperty("server.port", "0"));
    ImportNode second = ImportNode.of(new MockEnvironment().withProperty("server.port", "0"));
    assertThat(first).isNotEqualTo(second);
    assertThat(first.value()).doesNotEndWith(":0");
  }

  @Test
  void aBlankNameIsRefusedAndALongOneFitsTheColumn() {
    assertThatThrownBy(() -> new ImportNode(" ")).hasMessageContaining("aftersales.node-id");
    assertThat(new ImportNode("n".repeat(300)).value()).hasSize(128);
  }
}
