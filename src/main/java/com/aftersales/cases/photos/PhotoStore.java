package com.aftersales.cases.photos;

import java.util.Optional;

/**
 * Where the bytes of the photos live. The default keeps them in the database ({@link
 * DatabasePhotoStore}), backed up with everything else; a shop that moves them to object storage
 * provides its own bean of this type (marked {@code @Primary}). Photos are never deleted, so the
 * store has no delete.
 */
public interface PhotoStore {

  /** The bytes of one photo: the original as uploaded and its thumbnail. */
  record Content(byte[] bytes, String mediaType) {}

  /** Keeps the photo's original and thumbnail, in the caller's transaction where it has one. */
  void put(long photoId, Content original, Content thumbnail);

  Optional<Content> original(long photoId);

  Optional<Content> thumbnail(long photoId);
}
