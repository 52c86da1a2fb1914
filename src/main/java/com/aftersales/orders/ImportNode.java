package com.aftersales.orders;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.core.env.Environment;

/**
 * The name of this node in {@code order_import.node_id}: the same after a restart of the node,
 * different from every other node on the same database, so that a node that starts again knows
 * which running imports were its own: they cannot be running any more.
 *
 * <p>{@code aftersales.node-id} when set; otherwise the node's name in the engine's job log ({@code
 * camunda.bpm.generic-properties.properties.hostname}) when set; otherwise the host name and the
 * HTTP port, {@code shop-srv1:8080} (two nodes on one host cannot listen on the same port). A node
 * on a random port ({@code server.port=0}) has no stable name: it gets a new one at each start, and
 * its dead imports are failed by the heartbeat rule instead ({@code stale-after}).
 *
 * @param value at most 128 characters
 */
record ImportNode(String value) {

  static final String PROPERTY = "aftersales.node-id";
  static final String JOB_LOG_NAME = "camunda.bpm.generic-properties.properties.hostname";

  ImportNode {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(PROPERTY + " must not be blank");
    }
    value = ImportRecords.limit(value.trim(), 128);
  }

  static ImportNode of(Environment env) {
    for (String property : new String[] {PROPERTY, JOB_LOG_NAME}) {
      String configured = env.getProperty(property);
      if (configured != null && !configured.isBlank()) {
        return new ImportNode(configured);
      }
    }
    String port = env.getProperty("server.port", "8080").trim();
    if (port.equals("0") || port.startsWith("-")) {
      return new ImportNode(host() + ":run-" + UUID.randomUUID().toString().substring(0, 8));
    }
    return new ImportNode(host() + ":" + port);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnv = System.getenv("HOSTNAME");
      return fromEnv == null || fromEnv.isBlank() ? "localhost" : fromEnv;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
