package com.aftersales.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording: the top frames of its {@code jdk.ExecutionSample} events
 * (where the CPU was when sampled), and the same samples by the package of the top frame.
 */
final class HotMethods {

  private HotMethods() {}

  static String top(Path recording, int n) throws Exception {
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      var m = frames.get(0).getMethod();
      String type = m.getType().getName();
      methods.merge(type + "." + m.getName(), 1, Integer::sum);
      packages.merge(packageOf(type), 1, Integer::sum);
      samples++;
    }
    int all = Math.max(1, samples);
    return String.format(
        Locale.ROOT,
        "%s (of %,d samples); by package: %s",
        rank(methods, n, all),
        samples,
        rank(packages, n + 2, all));
  }

  private static String packageOf(String type) {
    String[] parts = type.split("\\.");
    return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
  }

  private static String rank(Map<String, Integer> counts, int n, int all) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), 100.0 * e.getValue() / all))
        .collect(Collectors.joining(", "));
  }
}
