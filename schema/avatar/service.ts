import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { findExpertById, swapAvatarId, type ExpertDoc } from '../expert/service.ts';
import { ValidationError } from '../errors.ts';
import { AVATAR_MAX_BYTES } from '../field-limits.ts';
import { parseInput } from '../validation.ts';
import { Avatar, type AvatarDoc } from './model.ts';

/** Largest picture accepted; the web app scales pictures to 256×256 before sending them. */
export const MAX_AVATAR_BYTES = AVATAR_MAX_BYTES;

/** The image type read from the bytes themselves; the client's claim is never trusted. */
function sniff(data: Buffer): AvatarDoc['contentType'] | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** A new picture; the GraphQL input is generated from this schema (schema/input.ts). */
export const avatarInput = z.object({
  image: z
    .string()
    .max(Math.ceil((MAX_AVATAR_BYTES * 4) / 3) + 4, 'TOO_LARGE')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'INVALID')
    .describe(`A PNG, JPEG or WebP picture of at most ${MAX_AVATAR_BYTES / 1024} KiB, base64-encoded.`),
});

/** Stores a new picture for `expert` and returns its id; the caller links it to the profile. */
async function storeAvatar(expert: string, input: unknown): Promise<string> {
  const { image } = parseInput(avatarInput, input);
  const data = Buffer.from(image, 'base64');
  if (!data.length) throw ValidationError.field('image', 'REQUIRED', 'image is empty');
  if (data.length > MAX_AVATAR_BYTES) throw ValidationError.field('image', 'TOO_LARGE', `image is larger than ${MAX_AVATAR_BYTES} bytes`);
  const contentType = sniff(data);
  if (!contentType) throw ValidationError.field('image', 'INVALID', 'image must be a PNG, JPEG or WebP picture');
  const avatar = await Avatar.create({ expert, contentType, data });
  return String(avatar._id);
}

export const findAvatar = (id: string) => Avatar.findById(id).lean<AvatarDoc>();

const deleteAvatar = (id: string | null | undefined) => (id ? Avatar.deleteOne({ _id: id }) : Promise.resolve());

/**
 * Makes a new picture the viewer's, then drops the one it replaced (so a crash leaves at most a
 * stray picture). The replaced one comes from the swap itself: of two uploads at once, each
 * drops exactly what it replaced, and none the other's.
 */
export async function replaceAvatar(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const avatar = await storeAvatar(viewer.id, input);
  const previous = await swapAvatarId(viewer.id, avatar);
  await deleteAvatar(previous ? String(previous) : null);
  return (await findExpertById(viewer.id))!;
}

export async function removeAvatar(ctx: Context): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const previous = await swapAvatarId(viewer.id, null);
  await deleteAvatar(previous ? String(previous) : null);
  return (await findExpertById(viewer.id))!;
}
