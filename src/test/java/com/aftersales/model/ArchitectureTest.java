package com.aftersales.model;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The picture of the house, kept true as it grows. {@code base} is the floor every feature stands
 * on and uses nothing above it; {@code shop}, {@code deadlines}, {@code cases} and {@code
 * registers} are shared by the features; a feature (a procedure such as claims or refund, or a desk
 * such as shifts or orders) uses those and never another feature; and only {@code shop} touches the
 * shop's tables, so a real shop adapter can replace the local one.
 */
class ArchitectureTest {

  private static final String ROOT = "com.aftersales";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /** What every package may use besides itself and the libraries. */
  private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

  static {
    Set<String> shared = Set.of("base", "cases", "deadlines", "shop", "registers");
    ALLOWED.put("base", Set.of());
    ALLOWED.put("shop", Set.of("base"));
    ALLOWED.put("deadlines", Set.of("base"));
    ALLOWED.put("registers", Set.of("base"));
    ALLOWED.put("cases", Set.of("base", "deadlines", "shop"));
    for (String feature :
        List.of(
            "claims",
            "warehouse",
            "returns",
            "refund",
            "dunning",
            "followup",
            "logistics",
            "orders",
            "shifts",
            "deployment",
            "housekeeping",
            "identity",
            "monitoring",
            "web")) {
      ALLOWED.put(feature, shared);
    }
  }

  // A called process's call variables (what callers pass in and get back, e.g. the reship's) are
  // its published contract, not its internals: any feature that calls it may use them.

  @Test
  void everyPackageIsPlacedOnItsFloor() {
    Set<String> packages = new java.util.TreeSet<>();
    MAIN.forEach(
        c -> {
          String rest = c.getPackageName().substring(ROOT.length());
          if (!rest.isEmpty()) {
            packages.add(rest.substring(1).split("\\.")[0]);
          }
        });
    assertThat(ALLOWED.keySet())
        .as("a new package must be given its floor in this test")
        .containsAll(packages);
  }

  @Test
  void eachPackageUsesOnlyWhatItsFloorAllows() {
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : ALLOWED.keySet()) {
        if (!other.equals(e.getKey()) && !e.getValue().contains(other)) {
          forbidden.add(ROOT + "." + other + "..");
        }
      }
      if (forbidden.isEmpty()) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + e.getKey() + "..")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAnyPackage(forbidden.toArray(String[]::new))
                  .and(not(simpleNameEndingWith("CallVariables"))))
          .because(e.getKey() + " may use only " + e.getValue())
          .check(MAIN);
    }
  }

  /**
   * The shop's own tables: orders as the local back office holds them, its call log; the taobao
   * adapter's remarks and reship orders; the shop events already handled and when the shop was last
   * heard from.
   */
  private static final Pattern SHOP_TABLES =
      Pattern.compile(
          "\\b(shop_order|shop_call|taobao_remark|taobao_reship|shop_event_seen|shop_contact)\\b",
          Pattern.CASE_INSENSITIVE);

  @Test
  void onlyTheShopPackageTouchesTheShopsTables() throws IOException {
    Path main = Path.of("src/main/java/com/aftersales");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        if (f.startsWith(main.resolve("shop"))) {
          continue;
        }
        if (SHOP_TABLES.matcher(Files.readString(f)).find()) {
          offenders.add(main.relativize(f).toString());
        }
      }
    }
    assertThat(offenders).as("classes outside shop/ naming the shop's tables").isEmpty();
  }
}
