package com.aftersales.base;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one process: its key and the classes whose {@code static final Variable} fields
 * declare them (its own variables class, and shared ones such as the case variables). Every
 * variables class holds one of these as {@code PROCESS}; the model test checks every form field,
 * expression and call-activity mapping of the process against it.
 */
public record ProcessVariables(String processKey, List<Class<?>> holders) {

  public static ProcessVariables of(String processKey, Class<?>... holders) {
    return new ProcessVariables(processKey, List.of(holders));
  }

  /** Every declared variable by name. */
  public Map<String, Variable<?>> declared() {
    Map<String, Variable<?>> all = new LinkedHashMap<>();
    for (Class<?> holder : holders) {
      for (Field f : holder.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Variable.class.equals(f.getType())) {
          try {
            f.setAccessible(true);
            Variable<?> v = (Variable<?>) f.get(null);
            all.put(v.name(), v);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return all;
  }

  public Optional<Variable<?>> find(String name) {
    return Optional.ofNullable(declared().get(name));
  }
}
