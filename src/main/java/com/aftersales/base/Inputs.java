package com.aftersales.base;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads and checks submitted form values; every failure names the field in the clerk's words. */
public final class Inputs {
  private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,32}");

  private Inputs() {}

  public static String text(
      VariableScope scope, String field, String label, int max, boolean required) {
    Object value = scope.getVariable(field);
    String text = value == null ? null : value.toString().trim();
    if (text == null || text.isEmpty()) {
      if (required) {
        throw new InvalidInputException(field, "请填写" + label);
      }
      return null;
    }
    if (text.length() > max) {
      throw new InvalidInputException(
          field, label + "最多 " + max + " 个字，当前 " + text.length() + " 个字");
    }
    return text;
  }

  public static long number(VariableScope scope, String field, String label, long min, long max) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(field, "请填写" + label);
    }
    long n;
    try {
      double d =
          value instanceof Number num
              ? num.doubleValue()
              : Double.parseDouble(value.toString().trim());
      if (d != Math.rint(d)) {
        throw new InvalidInputException(field, label + "必须是整数");
      }
      n = (long) d;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, label + "必须是数字");
    }
    if (n < min || n > max) {
      throw new InvalidInputException(field, label + "应在 " + min + " 到 " + max + " 之间");
    }
    return n;
  }

  /** A checkbox: absent or unchecked is false; anything but a boolean is refused. */
  public static boolean flag(VariableScope scope, String field, String label) {
    Object value = scope.getVariable(field);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new InvalidInputException(field, label + "只能是“是”或“否”");
  }

  public static String trackingNumber(VariableScope scope, String field, String label) {
    String value = text(scope, field, label, 32, true);
    if (!TRACKING.matcher(value).matches()) {
      throw new InvalidInputException(field, label + " “" + value + "” 格式不对：应为 6-32 位字母或数字");
    }
    return value;
  }

  public static <E extends Enum<E>> E choice(
      VariableScope scope, String field, String label, Class<E> type) {
    String value = text(scope, field, label, 64, true);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, label + "的取值 “" + value + "” 无效，请从列表中选择");
    }
  }

  // ---------------------------------------------------------------- the same, by typed variable

  public static String text(
      VariableScope scope, Variable<String> field, int max, boolean required) {
    return text(scope, field.name(), field.label(), max, required);
  }

  public static long number(VariableScope scope, Variable<Long> field, long min, long max) {
    return number(scope, field.name(), field.label(), min, max);
  }

  public static boolean flag(VariableScope scope, Variable<Boolean> field) {
    return flag(scope, field.name(), field.label());
  }

  public static String trackingNumber(VariableScope scope, Variable<String> field) {
    return trackingNumber(scope, field.name(), field.label());
  }

  public static <E extends Enum<E>> E choice(VariableScope scope, Variable<E> field) {
    return choice(scope, field.name(), field.label(), field.type());
  }

  /** An amount in yuan a clerk typed; null when left empty. */
  public static java.math.BigDecimal money(
      VariableScope scope, Variable<java.math.BigDecimal> field) {
    return Money.of(scope.getVariable(field.name()), field.name(), field.label());
  }

  /** An amount in yuan a clerk must type. */
  public static java.math.BigDecimal requiredMoney(
      VariableScope scope, Variable<java.math.BigDecimal> field) {
    return Money.required(scope.getVariable(field.name()), field.name(), field.label());
  }
}
