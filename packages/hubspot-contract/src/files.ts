import { z } from 'zod';

/**
 * HubSpot's File Manager (Files API v3), as the app uses it: one JSON document, hidden from the File
 * Manager's UI, that every backend instance reads. Available on every HubSpot tier (unlike HubDB, which
 * needs Marketing or Content Hub Professional, or custom objects, which need Enterprise). Scopes: `files`,
 * and `files.ui_hidden.read` to read a hidden file (see unverified-formats.ts).
 */

/** File access levels: HIDDEN_PRIVATE is neither listed in the File Manager nor served without a signed URL. */
export const FILE_ACCESS = [
  'PUBLIC_INDEXABLE',
  'PUBLIC_NOT_INDEXABLE',
  'HIDDEN_INDEXABLE',
  'HIDDEN_NOT_INDEXABLE',
  'PRIVATE',
  'HIDDEN_PRIVATE',
] as const;
export type FileAccess = (typeof FILE_ACCESS)[number];

/** The `options` part of an upload (multipart field `options`, JSON). */
export const fileUploadOptions = (access: FileAccess) => ({ access, overwrite: true });

export const fileUploadOptionsSchema = z.object({
  access: z.enum(FILE_ACCESS),
  overwrite: z.boolean().optional(),
  ttl: z.string().optional(),
  duplicateValidationStrategy: z.string().optional(),
  duplicateValidationScope: z.string().optional(),
});

/** A file as HubSpot describes it (upload answer, `stat`'s `file`); read leniently, by the fields used. */
export const storedFileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  extension: z.string().optional(),
  path: z.string().optional(),
  size: z.number().optional(),
  access: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/** `GET /files/v3/files/stat/{path}`: the file (or folder) at a path. */
export const fileStatSchema = z.object({ file: storedFileSchema.optional(), folder: z.unknown().optional() });

/** `GET /files/v3/files/{fileId}/signed-url`: where to download a private file for a while, without the token. */
export const signedUrlSchema = z.object({
  url: z.string().url(),
  expiresAt: z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString()),
  name: z.string().optional(),
  extension: z.string().optional(),
  size: z.number().optional(),
  type: z.string().optional(),
});
