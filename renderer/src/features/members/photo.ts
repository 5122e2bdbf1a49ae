/**
 * The file photo: any image the user picks, scaled down to at most 600 px on its longer side and
 * stored as a JPEG data URL (a 3×4 photo is then 30–80 KB). Transparent images get a white
 * background, as a printed photo has.
 */
export const PHOTO_MAX_SIDE = 600;
export const PHOTO_QUALITY = 0.85;

/** The size that fits within `max` on both sides, keeping the proportions; never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max: number = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export class PhotoError extends Error {
  override name = 'PhotoError';
}

export async function photoDataUrl(file: Blob, max: number = PHOTO_MAX_SIDE): Promise<string> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('unreadable');
  }
  const size = fitWithin(bitmap.width, bitmap.height, max);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('no canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', PHOTO_QUALITY);
}
