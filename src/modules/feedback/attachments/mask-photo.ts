import sharp from 'sharp';
import type { RedactionRegion } from '../../../contracts/feedback.js';
import { PHOTO_QUALITY, thumbnailOf } from './upload-attachment.js';

/** A region in whole pixels, clamped to the photo and never empty. */
export function regionPixels(
  r: RedactionRegion,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } {
  const left = Math.min(width - 1, Math.max(0, Math.floor(r.x * width)));
  const top = Math.min(height - 1, Math.max(0, Math.floor(r.y * height)));
  const right = Math.min(width, Math.max(left + 1, Math.ceil((r.x + r.width) * width)));
  const bottom = Math.min(height, Math.max(top + 1, Math.ceil((r.y + r.height) * height)));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Masks regions of a photo (faces, number plates) for the public: each region becomes a coarse mosaic of
 * at most six blocks along its longer side (blocks of at least 10 px), then blurred, so that what it showed
 * cannot be read back. Every region is cut from the original, so overlapping regions stay masked. Returns
 * the masked JPEG (no metadata, like every stored photo) and its thumbnail.
 */
export async function maskPhoto(
  photo: Buffer,
  regions: readonly RedactionRegion[],
): Promise<{ image: Buffer; thumbnail: Buffer }> {
  const { width, height } = await sharp(photo).metadata();
  if (!width || !height) throw new Error('photo without dimensions');
  const layers = await Promise.all(
    regions.map(async (r) => {
      const box = regionPixels(r, width, height);
      const block = Math.max(10, Math.ceil(Math.max(box.width, box.height) / 6));
      const small = await sharp(photo)
        .extract(box)
        .resize(Math.max(1, Math.ceil(box.width / block)), Math.max(1, Math.ceil(box.height / block)), {
          fit: 'fill',
        })
        .toBuffer();
      const input = await sharp(small)
        .resize(box.width, box.height, { fit: 'fill', kernel: 'nearest' })
        .blur(Math.max(0.3, block / 4))
        .png()
        .toBuffer();
      return { input, left: box.left, top: box.top };
    }),
  );
  const image = await sharp(photo).composite(layers).jpeg({ quality: PHOTO_QUALITY }).toBuffer();
  return { image, thumbnail: await thumbnailOf(image) };
}
