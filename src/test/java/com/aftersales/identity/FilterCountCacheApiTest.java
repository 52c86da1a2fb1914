package com.aftersales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The count cache in front of Tasklist's filter counts, with every count "large" (at least 1): the
 * count a user saw through the REST API is kept for that user, while a colleague's first count is
 * counted fresh. (The HAL list Tasklist calls counts through the same {@code FilterService.count}.)
 */
@TestPropertySource(
    properties = {
      "aftersales.performance.filter-count-cache.min-count=1",
      "aftersales.performance.filter-count-cache.ttl=1h"
    })
class FilterCountCacheApiTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired FilterService filters;

  private long count(String user, String filterId) {
    Rest rest = new Rest(http, user, "demo");
    return rest.json(rest.post("/engine-rest/filter/" + filterId + "/count", Map.of()))
        .path("count")
        .asLong();
  }

  private void openCase() {
    String orderId = orders.create("buyer_fcc", "30.00", 1);
    cases.open("DAMAGE", orderId, "buyer_fcc", "计数缓存");
  }

  @Test
  void aUsersCountIsKeptForThemAndAColleagueCountsAfresh() {
    String queue = filters.createFilterQuery().filterName("我组的任务").singleResult().getId();
    openCase();
    long seen = count("agent1", queue);
    assertThat(seen).isPositive();

    openCase(); // one more task in the agents' queue
    assertThat(count("agent1", queue)).as("kept for agent1").isEqualTo(seen);
    assertThat(count("agent2", queue)).as("agent2 counts afresh").isEqualTo(seen + 1);
  }
}
