package com.aftersales.cases.photos;

import java.time.OffsetDateTime;

/**
 * One evidence photo of a case, without its bytes. {@code fileName} is what the uploader's computer
 * called it: shown as text only, never used as a path or a header as it is.
 */
public record Photo(
    long id,
    String caseId,
    PhotoKind kind,
    String fileName,
    String mediaType,
    long sizeBytes,
    int width,
    int height,
    String uploadedBy,
    OffsetDateTime uploadedAt,
    PhotoStatus status,
    String statusReason,
    String statusBy,
    OffsetDateTime statusAt) {

  /** Whether it counts as evidence (not marked wrong, not hidden). */
  public boolean shown() {
    return status == PhotoStatus.SHOWN;
  }
}
