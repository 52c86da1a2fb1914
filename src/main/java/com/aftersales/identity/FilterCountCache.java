package com.aftersales.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tasklist counts a filter every time it lists it (the HAL list answers with the count) and every
 * time it shows the side bar, and a count costs the database a probe per task counted: at 100,000
 * open tasks the count of 我组的任务 took 0.7 s, and fifty agents spent 97 % of the database's time on
 * task queries (docs/performance.md, benchmarks 2 and 7).
 *
 * <p>A large count is kept for a few seconds ({@code
 * aftersales.performance.filter-count-cache.ttl}, 10 s; 0 switches it off) for the same filter,
 * extension of its query, user, groups and tenants: the same people see the same number again
 * instead of the database counting it again. Only counts of at least {@code ...min-count} (1,000)
 * are kept: a queue of thousands shown a few seconds late misleads no one, while a short queue is
 * cheap to count and stays exact after every click.
 */
@Component
public class FilterCountCache extends AbstractProcessEnginePlugin {

  /** The most counts kept; past it the cache starts again empty (one entry per user and filter). */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(long count, long expiresAtNanos) {}

  private final long ttlNanos;
  private final long minCount;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile LongSupplier nanos = System::nanoTime;

  public FilterCountCache(
      @Value("${aftersales.performance.filter-count-cache.ttl:10s}") Duration ttl,
      @Value("${aftersales.performance.filter-count-cache.min-count:1000}") long minCount) {
    this.ttlNanos = ttl.toNanos();
    this.minCount = minCount;
  }

  /** The time source (tests move it). */
  void setNanos(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** Whether counts are kept at all. */
  boolean enabled() {
    return ttlNanos > 0;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (enabled()) {
      configuration.setFilterService(new CachingFilterService(configuration));
    }
  }

  /** The engine's filter service, its counts kept for a moment. */
  private final class CachingFilterService extends FilterServiceImpl {
    private final ProcessEngineConfigurationImpl configuration;

    CachingFilterService(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public Long count(String filterId) {
      return FilterCountCache.this.count(
          configuration.getIdentityService(), filterId, "", () -> super.count(filterId));
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
      String extension = extension(extendingQuery);
      if (extension == null) {
        return super.count(filterId, extendingQuery);
      }
      return FilterCountCache.this.count(
          configuration.getIdentityService(),
          filterId,
          extension,
          () -> super.count(filterId, extendingQuery));
    }
  }

  /** The extending query as text, or null for a kind of query that is not kept. */
  static String extension(Query<?, ?> extendingQuery) {
    if (extendingQuery == null) {
      return "";
    }
    if (extendingQuery instanceof TaskQueryImpl task) {
      return new JsonTaskQueryConverter().toJson(task);
    }
    return null;
  }

  /** The count for the current user: kept, or counted now (and kept when it is large). */
  Long count(IdentityService identity, String filterId, String extension, Supplier<Long> counter) {
    String key = key(identity.getCurrentAuthentication(), filterId, extension);
    long now = nanos.getAsLong();
    Entry kept = entries.get(key);
    if (kept != null && now - kept.expiresAtNanos() < 0) {
      return kept.count();
    }
    Long counted = counter.get();
    if (counted != null && counted >= minCount) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(key, new Entry(counted, now + ttlNanos));
    } else {
      entries.remove(key);
    }
    return counted;
  }

  static String key(Authentication who, String filterId, String extension) {
    StringBuilder key = new StringBuilder(filterId).append('\n').append(extension).append('\n');
    if (who == null) {
      return key.append("(nobody)").toString();
    }
    return key.append(who.getUserId())
        .append('\n')
        .append(sorted(who.getGroupIds()))
        .append('\n')
        .append(sorted(who.getTenantIds()))
        .toString();
  }

  private static String sorted(List<String> ids) {
    return ids == null ? "[]" : new TreeSet<>(ids).toString();
  }
}
