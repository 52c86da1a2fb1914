package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.cases.photos.Photo;
import com.aftersales.support.ClaimSteps;
import com.aftersales.support.ProcessTestBase;
import com.aftersales.support.TestPhotos;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence check counts the photos uploaded to the case (detail photos not marked wrong or
 * hidden) where the form sends no typed count; a waybill photo uploaded as such stands for the
 * ticked box.
 */
class EvidencePhotosTest extends ProcessTestBase {

  @Autowired CaseService cases;
  @Autowired CasePhotos photos;

  private ProcessInstance damageCase() {
    String orderId = orders.create("buyer_evidence", "40.00", 2);
    String caseId = cases.open("DAMAGE", orderId, "buyer_evidence", "碎了").record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .singleResult();
  }

  private Photo upload(ProcessInstance pi, String kind, int seed) {
    return photos
        .upload(
            pi.getBusinessKey(),
            List.of(new CasePhotos.Upload(seed + ".jpg", TestPhotos.jpeg(40, 30, seed))),
            kind,
            "agent1")
        .get(0);
  }

  private static Map<String, Object> withoutCount(boolean waybillTicked) {
    return ClaimSteps.told(
        ClaimSteps.vars("waybillPhotoReceived", waybillTicked, "evidenceDescription", "外箱压扁"));
  }

  @Test
  void aDamageNeedsTwoShownDetailPhotosAndAWrongOneDoesNotCount() {
    ProcessInstance pi = damageCase();
    upload(pi, "DETAIL", 1);
    Photo wrong = upload(pi, "DETAIL", 2);
    photos.mark(pi.getBusinessKey(), wrong.id(), "WRONG", "别的订单的照片", "agent1");
    assertRefused(pi, "userTask_collectEvidence", withoutCount(true))
        .hasMessageContaining("破损需要至少 2 张细节照片（现有 1 张）");

    upload(pi, "DETAIL", 3);
    complete(pi, "userTask_collectEvidence", withoutCount(true));
    assertThat(taskOf(pi, "userTask_checkEvidence")).isNotNull();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "photoCount"))
        .isEqualTo(2L);
  }

  @Test
  void anUploadedWaybillPhotoStandsForTheTickedBox() {
    ProcessInstance pi = damageCase();
    upload(pi, "DETAIL", 4);
    upload(pi, "DETAIL", 5);
    assertRefused(pi, "userTask_collectEvidence", withoutCount(false))
        .hasMessageContaining("面单/物流单照片");
    upload(pi, "WAYBILL", 6);
    complete(pi, "userTask_collectEvidence", withoutCount(false));
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "waybillPhotoReceived"))
        .isEqualTo(true);
  }

  @Test
  void aTypedCountFromAnOlderFormIsStillTaken() {
    ProcessInstance pi = damageCase();
    complete(pi, "userTask_collectEvidence", ClaimSteps.evidence());
    assertThat(taskOf(pi, "userTask_checkEvidence")).isNotNull();
  }
}
