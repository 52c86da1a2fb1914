package com.aftersales.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Real picture files (and a program posing as one) for the photo tests, made on the spot. */
public final class TestPhotos {

  private TestPhotos() {}

  /** A JPEG of the given size; {@code seed} changes its colours, so two seeds differ in bytes. */
  public static byte[] jpeg(int width, int height, int seed) {
    return write(picture(width, height, seed, false), "jpeg");
  }

  public static byte[] png(int width, int height, int seed) {
    return write(picture(width, height, seed, true), "png");
  }

  /** A 1×1 lossy WebP (as browsers' feature tests use). */
  public static byte[] webp() {
    return Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
  }

  /** The start of a Windows program ("MZ" header), as a renamed .exe would arrive. */
  public static byte[] exe() {
    byte[] b = new byte[2048];
    b[0] = 'M';
    b[1] = 'Z';
    for (int i = 2; i < b.length; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  private static BufferedImage picture(int width, int height, int seed, boolean alpha) {
    BufferedImage image =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color((seed * 97) % 256, (seed * 53) % 256, 180));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    g.drawLine(0, 0, width - 1, height - 1);
    g.dispose();
    return image;
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
