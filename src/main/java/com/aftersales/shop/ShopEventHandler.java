package com.aftersales.shop;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature's part in what happens in the shop: every bean implementing it is handed every {@link
 * ShopEvent} by {@link ShopEvents} and acts on the kinds it cares for, ignoring the others.
 *
 * <p>A handler is idempotent on its own: the same change handed twice (two deliveries, two nodes, a
 * message and the reconciliation) changes nothing the second time, and a change older than one
 * already applied never moves a case back. It throws only when the change could not be handled for
 * a passing reason (the back office unreachable): the reporter then delivers it again.
 */
public interface ShopEventHandler {

  Handled handle(ShopEvent event);

  /**
   * What a handler did: the cases it moved or opened ({@code applied}), and the open cases the
   * event concerned that did not wait for it ({@code ignored}: a repeat, late, or not expected
   * now).
   */
  record Handled(List<String> applied, List<String> ignored) {

    public static final Handled NOTHING = new Handled(List.of(), List.of());

    public Handled {
      applied = List.copyOf(applied);
      ignored = List.copyOf(ignored);
    }

    public static Handled applied(List<String> caseIds) {
      return new Handled(caseIds, List.of());
    }

    public static Handled ignored(List<String> caseIds) {
      return new Handled(List.of(), caseIds);
    }

    public Handled and(Handled other) {
      List<String> a = new ArrayList<>(applied);
      a.addAll(other.applied);
      List<String> i = new ArrayList<>(ignored);
      i.addAll(other.ignored);
      return new Handled(a, i);
    }
  }
}
