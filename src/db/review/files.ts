/**
 * Workflow files (village-meeting minutes) stored as bytea in review_file, in the same transaction and
 * backup as the records citing them. A record cites a file as 'review_file:<id>'.
 */
import crypto from 'node:crypto';
import type { Transaction, Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { ReviewError } from './errors.ts';

/** Scanned minutes: PDF or a photo. */
export const MINUTES_CONTENT_TYPES: readonly string[] = Object.freeze(['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff']);
export const MINUTES_MAX_BYTES = 20 * 1024 * 1024;
const REF_PREFIX = 'review_file:';

export interface UploadedFile {
  name: string;
  contentType: string;
  content: Uint8Array;
}

export interface StoredFile {
  ref: string;
  id: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export function checkMinutesFile(file: UploadedFile): void {
  if (!MINUTES_CONTENT_TYPES.includes(file.contentType)) throw new ReviewError('file_invalid', { type: file.contentType });
  if (file.content.byteLength === 0 || file.content.byteLength > MINUTES_MAX_BYTES) throw new ReviewError('file_invalid', { type: file.contentType });
}

export async function storeFile(
  trx: Transaction<DB>,
  owner: { provinceCode: string; communeCode: string; uploadedBy: number | null },
  file: UploadedFile,
): Promise<StoredFile> {
  checkMinutesFile(file);
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const row = await trx
    .insertInto('review_file')
    .values({
      province_code: owner.provinceCode,
      commune_code: owner.communeCode,
      name: file.name.slice(0, 255),
      content_type: file.contentType,
      size: file.content.byteLength,
      sha256,
      content: file.content,
      uploaded_by: owner.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ref: `${REF_PREFIX}${row.id}`, id: row.id, name: file.name, contentType: file.contentType, size: file.content.byteLength, sha256 };
}

/** The file a record cites (the record was read inside the caller's scope), or undefined. */
export async function readFileRef(db: Kysely<DB>, provinceCode: string, ref: string | null): Promise<UploadedFile | undefined> {
  if (ref === null || !ref.startsWith(REF_PREFIX)) return undefined;
  const id = Number(ref.slice(REF_PREFIX.length));
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await db
    .selectFrom('review_file')
    .select(['name', 'content_type', 'content'])
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { name: row.name, contentType: row.content_type, content: row.content };
}
