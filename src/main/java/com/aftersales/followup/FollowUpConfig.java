package com.aftersales.followup;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code aftersales.follow-up.*}: who gets called when, the regions with their calling slots, the
 * spot-check share. Defaults follow SOP §7; every figure is configuration.
 */
@Component
@ConfigurationProperties(prefix = "aftersales.follow-up")
public class FollowUpConfig {

  /** A region: its provinces and the slot in which its buyers are called. */
  public static class Region {
    private String code;
    private String name;
    private List<String> provinces = new ArrayList<>();
    private LocalTime slotStart = LocalTime.of(10, 0);
    private LocalTime slotEnd = LocalTime.of(12, 0);

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<String> getProvinces() {
      return provinces;
    }

    public void setProvinces(List<String> provinces) {
      this.provinces = provinces;
    }

    public LocalTime getSlotStart() {
      return slotStart;
    }

    public void setSlotStart(LocalTime slotStart) {
      this.slotStart = slotStart;
    }

    public LocalTime getSlotEnd() {
      return slotEnd;
    }

    public void setSlotEnd(LocalTime slotEnd) {
      this.slotEnd = slotEnd;
    }
  }

  private int receivedAfterDays = 3;
  private int notReceivedAfterDays = 5;
  private int windowDays = 7;
  private int maxAttempts = 3;
  private double spotCheckShare = 0.10;
  private List<Region> regions = new ArrayList<>();
  private Region other = defaultOther();

  private static Region defaultOther() {
    Region r = new Region();
    r.setCode("OTHER");
    r.setName("其他/地址不详");
    return r;
  }

  /** The region of a province, or the catch-all. */
  public Region region(String province) {
    if (province == null) {
      return other;
    }
    Optional<Region> found =
        regions.stream().filter(r -> r.getProvinces().contains(province)).findFirst();
    return found.orElse(other);
  }

  public int getReceivedAfterDays() {
    return receivedAfterDays;
  }

  public void setReceivedAfterDays(int receivedAfterDays) {
    this.receivedAfterDays = receivedAfterDays;
  }

  public int getNotReceivedAfterDays() {
    return notReceivedAfterDays;
  }

  public void setNotReceivedAfterDays(int notReceivedAfterDays) {
    this.notReceivedAfterDays = notReceivedAfterDays;
  }

  public int getWindowDays() {
    return windowDays;
  }

  public void setWindowDays(int windowDays) {
    this.windowDays = windowDays;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public double getSpotCheckShare() {
    return spotCheckShare;
  }

  public void setSpotCheckShare(double spotCheckShare) {
    if (spotCheckShare < 0 || spotCheckShare > 1) {
      throw new IllegalArgumentException(
          "aftersales.follow-up.spot-check-share must be between 0 and 1, not " + spotCheckShare);
    }
    this.spotCheckShare = spotCheckShare;
  }

  public List<Region> getRegions() {
    return regions;
  }

  public void setRegions(List<Region> regions) {
    this.regions = regions;
  }

  public Region getOther() {
    return other;
  }

  public void setOther(Region other) {
    this.other = other;
  }
}
