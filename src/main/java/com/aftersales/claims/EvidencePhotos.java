package com.aftersales.claims;

import static com.aftersales.claims.ClaimVariables.PHOTO_COUNT;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.cases.photos.PhotoKind;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * How many photos a claim's evidence rests on: the detail photos uploaded to the case and not
 * marked wrong or hidden ({@code aftersales.photos.evidence-minimum} per kind). A count typed into
 * the form is still taken where one is sent: the evidence forms of released versions ask for it,
 * and their running cases finish on them.
 */
@Component
class EvidencePhotos {

  private final CasePhotos photos;

  EvidencePhotos(CasePhotos photos) {
    this.photos = photos;
  }

  /**
   * The photo count of the evidence task, checked against the kind's minimum.
   *
   * @throws InvalidInputException when there are fewer photos than the kind needs
   */
  long count(DelegateTask task, CaseKind kind) {
    int minimum = photos.settings().evidenceMinimum(kind.name());
    Object typed = task.getVariable(PHOTO_COUNT.name());
    if (typed != null && !"".equals(typed)) {
      long count = Inputs.number(task, PHOTO_COUNT, 0, 50);
      if (count < minimum) {
        throw new InvalidInputException(PHOTO_COUNT, tooFew(kind, minimum, count));
      }
      return count;
    }
    long shown = photos.shownCount(task.getExecution().getProcessBusinessKey(), PhotoKind.DETAIL);
    if (shown < minimum) {
      throw new InvalidInputException(
          "file", tooFew(kind, minimum, shown) + "：请在“售后单”标签页上传买家发来的照片（可拖拽、选择或粘贴）");
    }
    return shown;
  }

  /** Whether a waybill photo was uploaded (the agent need not tick the box then). */
  boolean waybillUploaded(DelegateTask task) {
    return photos.shownCount(task.getExecution().getProcessBusinessKey(), PhotoKind.WAYBILL) > 0;
  }

  private static String tooFew(CaseKind kind, int minimum, long have) {
    return kind == CaseKind.DAMAGE
        ? "破损需要至少 " + minimum + " 张细节照片（现有 " + have + " 张），请继续向买家索要"
        : "请至少收到 " + minimum + " 张实收商品照片（现有 " + have + " 张）";
  }
}
