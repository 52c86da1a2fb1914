package com.aftersales.cases.photos;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.TooLargeException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded file really is, from its bytes (never from its name or the browser's type): a
 * JPEG, PNG or WebP picture that decodes, no larger than the pixel limit; and its thumbnail, read
 * subsampled so that a large picture never sits in memory whole.
 */
final class ImageCheck {

  /** A file that passed: its type, size in pixels, and thumbnail. */
  record Checked(String mediaType, int width, int height, PhotoStore.Content thumbnail) {}

  private static final String NOT_AN_IMAGE = "不是图片：只能上传 jpg、png 或 webp 格式的照片";

  static {
    ImageIO.setUseCache(false);
  }

  private ImageCheck() {}

  /** The media type the first bytes announce, or null when they are none of ours. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return "image/png";
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  /**
   * Checks one file and makes its thumbnail.
   *
   * @param name the file's name, only to say which one was refused
   * @throws InvalidInputException naming {@code file} when it is not a picture of ours
   * @throws TooLargeException when it has more pixels than allowed
   */
  static Checked check(byte[] bytes, String name, long maxPixels, int thumbnailSize) {
    String type = sniff(bytes);
    if (type == null) {
      throw new InvalidInputException("file", "“" + name + "”" + NOT_AN_IMAGE);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (in == null || !readers.hasNext()) {
        throw new InvalidInputException("file", "“" + name + "”" + NOT_AN_IMAGE);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new InvalidInputException("file", "“" + name + "”" + NOT_AN_IMAGE);
        }
        if ((long) width * height > maxPixels) {
          throw new TooLargeException(
              "file", "“" + name + "”尺寸过大（" + width + "×" + height + "），请缩小后再上传");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (thumbnailSize * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage read = reader.read(0, param);
        return new Checked(type, width, height, thumbnail(read, type, thumbnailSize));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException || e instanceof TooLargeException) {
        throw (RuntimeException) e;
      }
      throw new InvalidInputException(
          "file", "“" + name + "”无法读取：文件已损坏或" + NOT_AN_IMAGE.substring(4));
    }
  }

  private static PhotoStore.Content thumbnail(BufferedImage image, String type, int size)
      throws IOException {
    double scale = Math.min(1.0, (double) size / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    boolean png = type.equals("image/png") && image.getColorModel().hasAlpha();
    BufferedImage thumb =
        new BufferedImage(w, h, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = thumb.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      if (!png) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
      }
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(thumb, png ? "png" : "jpeg", out);
    return new PhotoStore.Content(out.toByteArray(), png ? "image/png" : "image/jpeg");
  }
}
