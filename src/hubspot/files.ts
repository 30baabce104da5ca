import {
  type FileAccess,
  fileStatSchema,
  fileUploadOptions,
  signedUrlSchema,
  type StoredFile,
  storedFileSchema,
} from '@why-they-care/hubspot-contract';

import { downloadSignedJson, type HubSpotContext } from './client';
import { HubSpotError } from './errors';

/** The File Manager (Files API v3): the app's one hidden JSON document, written and read back. */
export const filesApi = ({ client, call }: HubSpotContext) => ({
  /** The file at a path, or null when there is none. */
  find: async (path: string): Promise<StoredFile | null> => {
    try {
      const stat = await call('files.stat', () => client.files.filesApi.getMetadata(path));
      return fileStatSchema.parse(stat).file ?? null;
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') return null;
      throw error;
    }
  },

  /** A private file's content, through a signed URL (two calls: sign, download). */
  readJson: async (fileId: string): Promise<unknown> => {
    const signed = signedUrlSchema.parse(
      await call('files.signedUrl', () => client.files.filesApi.getSignedUrl(fileId)),
    );
    return call('files.download', () => downloadSignedJson(client, signed.url));
  },

  /** Writes the document into the folder, replacing the file of the same name. */
  writeJson: async (
    place: { folderPath: string; fileName: string; extension: string },
    content: unknown,
    access: FileAccess,
  ): Promise<StoredFile> => {
    const file = {
      data: Buffer.from(JSON.stringify(content, null, 2), 'utf8'),
      name: `${place.fileName}.${place.extension}`,
    };
    const uploaded = await call(
      'files.upload',
      () =>
        client.files.filesApi.upload(
          file,
          undefined,
          place.folderPath,
          place.fileName,
          undefined,
          JSON.stringify(fileUploadOptions(access)),
        ),
      // Overwriting the same file again is harmless: a retry after a lost answer is safe.
      { idempotent: true },
    );
    return storedFileSchema.parse(uploaded);
  },
});

export type FilesApi = ReturnType<typeof filesApi>;
