import { AVATAR_MAX_BYTES } from '../../../../schema/field-limits.ts';

/** The API takes pictures of at most 256 KiB; a 256 × 256 picture is far below that. */
export const MAX_AVATAR_BYTES = AVATAR_MAX_BYTES;
export const AVATAR_SIZE = 256;

export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  try {
    // Applies the EXIF orientation, so phone photos come out upright.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    const url = URL.createObjectURL(file);
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      return image;
    } catch {
      throw new UnreadableImageError('The file is not a picture this browser can read.');
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality: number) => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));

/**
 * The centre square of a picture, scaled to 256 × 256 and encoded as WebP (JPEG where the
 * browser cannot write WebP), at the best quality that fits the API's limit.
 */
export async function squareImage(file: Blob): Promise<Blob> {
  const source = await decode(file);
  const width = 'naturalWidth' in source ? source.naturalWidth : source.width;
  const height = 'naturalHeight' in source ? source.naturalHeight : source.height;
  if (!width || !height) throw new UnreadableImageError('The picture is empty.');
  const side = Math.min(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = AVATAR_SIZE;
  canvas.height = AVATAR_SIZE;
  const context = canvas.getContext('2d');
  if (!context) throw new UnreadableImageError('No canvas to draw on.');
  // JPEG has no transparency: a transparent logo would otherwise turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, AVATAR_SIZE, AVATAR_SIZE);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, (width - side) / 2, (height - side) / 2, side, side, 0, 0, AVATAR_SIZE, AVATAR_SIZE);
  if ('close' in source) source.close();

  for (const type of ['image/webp', 'image/jpeg']) {
    for (const quality of [0.86, 0.75, 0.6]) {
      const blob = await toBlob(canvas, type, quality);
      // A browser that cannot write `type` silently writes PNG instead: try the next type.
      if (!blob || blob.type !== type) break;
      if (blob.size <= MAX_AVATAR_BYTES) return blob;
    }
  }
  throw new UnreadableImageError('The picture could not be encoded small enough.');
}

/** The bytes of a blob as base64 (without the data: prefix), as the API takes them. */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The picture could not be read.'));
    reader.readAsDataURL(blob);
  });
}
