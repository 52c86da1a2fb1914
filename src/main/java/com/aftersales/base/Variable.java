package com.aftersales.base;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable: its name, its type and (for form fields) its label in the clerk's words,
 * read and written the same way by delegates, services, controllers and tests. A process's
 * variables are the {@code static final Variable} fields of its variables class (see {@link
 * ProcessVariables}); nothing else names a process variable as a bare string.
 *
 * <p>The stored form does not change: texts and choices are strings (a choice stores its enum
 * constant's name), counts are longs, amounts are doubles (as forms and decision tables read them),
 * flags are booleans, times are dates. Reading is lenient where forms are (a count submitted as
 * {@code 2.0} or {@code "2"} reads as 2); bad input is the listeners' job ({@link Inputs}).
 */
public final class Variable<T> {

  private final String name;
  private final String label;
  private final Class<T> type;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private Variable(
      String name,
      String label,
      Class<T> type,
      Function<Object, T> reader,
      Function<T, Object> writer) {
    this.name = name;
    this.label = label;
    this.type = type;
    this.reader = reader;
    this.writer = writer;
  }

  /** A text (or an id, or a label shown on a form). */
  public static Variable<String> text(String name, String label) {
    return new Variable<>(name, label, String.class, String::valueOf, v -> v);
  }

  public static Variable<String> text(String name) {
    return text(name, name);
  }

  /** A whole number: counts, attempts, quantities. */
  public static Variable<Long> count(String name, String label) {
    return new Variable<>(name, label, Long.class, Variable::toLong, v -> v);
  }

  public static Variable<Long> count(String name) {
    return count(name, name);
  }

  /** An amount in yuan, stored as a number forms and decision tables read. */
  public static Variable<BigDecimal> money(String name, String label) {
    return new Variable<>(name, label, BigDecimal.class, Money::round, Money::variable);
  }

  public static Variable<BigDecimal> money(String name) {
    return money(name, name);
  }

  /** A decimal number that is not money (shares, rates). */
  public static Variable<Double> decimal(String name) {
    return new Variable<>(name, name, Double.class, v -> toDouble(v), v -> v);
  }

  /** A yes/no: a checkbox or a gateway's condition. */
  public static Variable<Boolean> flag(String name, String label) {
    return new Variable<>(
        name,
        label,
        Boolean.class,
        v -> v instanceof Boolean b ? b : Boolean.valueOf(v + ""),
        v -> v);
  }

  public static Variable<Boolean> flag(String name) {
    return flag(name, name);
  }

  /** A point in time (deadlines, promised times). */
  public static Variable<Date> time(String name) {
    return new Variable<>(name, name, Date.class, v -> (Date) v, v -> v);
  }

  /** One of a fixed set of answers, stored as the constant's name (what forms submit). */
  public static <E extends Enum<E>> Variable<E> choice(String name, String label, Class<E> type) {
    return new Variable<>(
        name, label, type, v -> Enum.valueOf(type, v.toString().trim()), Enum::name);
  }

  /**
   * A value whose type the engine or a form decides (a decision's raw result, a form's list): read
   * as it is stored.
   */
  public static Variable<Object> value(String name) {
    return new Variable<>(name, name, Object.class, v -> v, v -> v);
  }

  public String name() {
    return name;
  }

  /** The form field's label, for messages to the clerk. */
  public String label() {
    return label;
  }

  public Class<T> type() {
    return type;
  }

  // ---------------------------------------------------------------- reading

  /** The value, or null when the variable is absent or null. */
  public T get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  /** The value, or {@code fallback} when absent. */
  public T get(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  /** The value of a local variable (a task's own), or null. */
  public T getLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  public T of(TaskService tasks, String taskId) {
    return read(tasks.getVariable(taskId, name));
  }

  public T of(RuntimeService runtime, String executionId) {
    return read(runtime.getVariable(executionId, name));
  }

  /** Converts a stored value (e.g. from a history query) to this variable's type. */
  public T read(Object stored) {
    if (stored == null || (stored instanceof String s && s.isBlank() && type != String.class)) {
      return null;
    }
    return reader.apply(stored);
  }

  /** Whether the variable is there (even if null) in the scope. */
  public boolean isIn(VariableScope scope) {
    return scope.hasVariable(name);
  }

  // ---------------------------------------------------------------- writing

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, write(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, write(value));
  }

  /** Puts the value into a map of variables (to start a process or complete a task). */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, write(value));
    return variables;
  }

  public void set(TaskService tasks, String taskId, T value) {
    tasks.setVariable(taskId, name, write(value));
  }

  public void set(RuntimeService runtime, String executionId, T value) {
    runtime.setVariable(executionId, name, write(value));
  }

  /** The stored form of a value. */
  public Object write(T value) {
    return value == null ? null : writer.apply(value);
  }

  @Override
  public String toString() {
    return name + ":" + type.getSimpleName();
  }

  private static Long toLong(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    return new BigDecimal(v.toString().trim()).longValue();
  }

  private static Double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return Double.valueOf(v.toString().trim());
  }
}
