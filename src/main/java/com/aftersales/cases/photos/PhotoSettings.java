package com.aftersales.cases.photos;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.photos}: what one upload may hold, so that no upload takes the node down, and
 * how many photos the evidence checks ask for.
 *
 * @param maxFileSize one photo at most (larger is refused, 413)
 * @param maxFilesPerRequest photos in one upload (Spring's multipart request limit must hold them)
 * @param maxPerCase photos a case may hold, hidden and wrong ones included
 * @param maxPixels width × height of one photo; a larger picture is refused before it is decoded
 * @param thumbnailSize the longer side of a thumbnail, in pixels
 * @param concurrentUploads uploads a node checks at once; beyond that an upload is refused (429)
 * @param evidenceMinimum per case kind (e.g. DAMAGE), the shown detail photos its evidence needs
 */
@Validated
@ConfigurationProperties("aftersales.photos")
public record PhotoSettings(
    @DefaultValue("10MB") @NotNull DataSize maxFileSize,
    @DefaultValue("5") @Min(1) @Max(20) int maxFilesPerRequest,
    @DefaultValue("50") @Min(1) int maxPerCase,
    @DefaultValue("60000000") @Min(1) long maxPixels,
    @DefaultValue("320") @Min(32) @Max(1024) int thumbnailSize,
    @DefaultValue("4") @Min(1) @Max(32) int concurrentUploads,
    @DefaultValue Map<String, Integer> evidenceMinimum) {

  public PhotoSettings {
    evidenceMinimum = evidenceMinimum == null ? Map.of() : Map.copyOf(evidenceMinimum);
  }

  /** The shown detail photos a case of {@code kind} (a CaseKind name) needs; 1 if not set. */
  public int evidenceMinimum(String kind) {
    return evidenceMinimum.getOrDefault(kind, 1);
  }
}
