import { randomBytes } from 'node:crypto';

import { fileUploadOptionsSchema, type StoredFile } from '@why-they-care/hubspot-contract';
import { type Request, Router } from 'express';
import multer from 'multer';

import { sendHubSpotError } from '../hubspot-errors';
import { type SandboxStore } from '../store';

/** One file of the File Manager: its description, and its bytes (UTF-8 text, the only kind the app stores). */
export type SandboxFile = Required<
  Pick<StoredFile, 'id' | 'name' | 'extension' | 'path' | 'size' | 'access' | 'updatedAt'>
> & {
  content: string;
};

const SIGNED_URL_SECONDS = 3600;

const folderOf = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}`;

const describe = ({ content: _content, ...file }: SandboxFile) => file;

/**
 * The File Manager as the app uses it: multipart upload into a folder (replacing a file of the same name
 * when `overwrite` is set), `stat` by path, and signed URLs that serve a private file without the token.
 * The signed download lives outside the bearer check (`signedDownloads`): that is what a signed URL is for.
 */
export const fileRoutes = (
  store: SandboxStore,
  now: () => string,
  signed: Map<string, { fileId: string; until: number }>,
) => {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1024 * 1024, files: 1 } });

  router.post('/files/v3/files', upload.single('file'), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const options = fileUploadOptionsSchema.safeParse(JSON.parse(body.options ?? '{}'));
    if (!req.file || !options.success || !(body.folderPath || body.folderId)) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'file, options (with access) and folderPath are required');
    }
    const original = req.file.originalname;
    const extension = original.includes('.') ? (original.split('.').pop() ?? '') : '';
    const name = (body.fileName ?? original).replace(new RegExp(`\\.${extension}$`), '');
    const path = `${folderOf(body.folderPath ?? '')}/${name}${extension ? `.${extension}` : ''}`;
    const files = (store.state.files ??= {});
    const existing = Object.values(files).find((file) => file.path === path);
    if (existing && !options.data.overwrite) {
      return sendHubSpotError(res, 409, 'CONFLICT', `A file already exists at ${path}`);
    }
    const file: SandboxFile = {
      id: existing?.id ?? store.newId(),
      name,
      extension,
      path,
      size: req.file.size,
      access: options.data.access,
      updatedAt: now(),
      content: req.file.buffer.toString('utf8'),
    };
    files[file.id] = file;
    store.changed();
    return res.status(201).json(describe(file));
  });

  router.get('/files/v3/files/stat/{*path}', (req: Request, res) => {
    const given = (req.params as { path?: string | string[] }).path;
    const path = `/${(Array.isArray(given) ? given.join('/') : (given ?? '')).replace(/^\/+/, '')}`;
    const file = Object.values(store.state.files ?? {}).find((candidate) => candidate.path === path);
    if (!file) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No file or folder at ${path}`);
    return res.json({ file: describe(file) });
  });

  router.get('/files/v3/files/:fileId/signed-url', (req, res) => {
    const file = store.state.files?.[req.params.fileId];
    if (!file) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No file ${req.params.fileId}`);
    const key = randomBytes(18).toString('base64url');
    const until = Date.parse(now()) + SIGNED_URL_SECONDS * 1000;
    signed.set(key, { fileId: file.id, until });
    return res.json({
      url: `${req.protocol}://${req.get('host')}/signed-files/${key}/${file.name}.${file.extension}`,
      expiresAt: new Date(until).toISOString(),
      name: file.name,
      extension: file.extension,
      size: file.size,
      type: 'OTHER',
    });
  });

  return router;
};

/** Serves a file by its signed URL, with no token (HubSpot's CDN in the real thing). */
export const signedDownloads = (
  store: SandboxStore,
  now: () => string,
  signed: Map<string, { fileId: string; until: number }>,
) => {
  const router = Router();
  router.get('/signed-files/:key/:name', (req, res) => {
    const grant = signed.get(req.params.key);
    const file = grant && grant.until > Date.parse(now()) ? store.state.files?.[grant.fileId] : undefined;
    if (!file) return res.status(403).type('text').send('Request has expired or is not valid');
    return res.type('application/json').send(file.content);
  });
  return router;
};
