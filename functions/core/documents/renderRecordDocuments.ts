import { createHash } from 'node:crypto';
import { DocumentEngine, type PageRect } from '../engine/DocumentEngine.js';
import { LayoutOverflowError, MissingGlyphError, RecordFault } from '../errors.js';
import type { AwardRecord } from '../records/index.js';
import type { DocumentSigner } from '../signing/DocumentSigner.js';
import { signPdf } from '../signing/signPdf.js';
import type { MarkDocument } from '../verification/VerificationMark.js';
import { type DocumentKind, plannedDocuments } from './DocumentKind.js';
import { recordFields } from './recordFields.js';

export interface RecordDocument {
  readonly kind: DocumentKind;
  readonly version: number;
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly sha256: string;
  /** Where the seal is printed (a signature's field lies over it). */
  readonly seal?: PageRect | undefined;
  /** The same document as OFD (GB/T 33190), when asked for. */
  readonly ofd?: { readonly bytes: Uint8Array; readonly sha256: string };
}

export interface RenderRecordOptions {
  /** Write each document as OFD too. */
  readonly ofd?: boolean;
  /** Mark every page (a draft's 样稿). */
  readonly watermark?: { readonly text: string; readonly caption: string };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The path of the first string field of the record that contains the character, e.g. recipient.name. */
export function fieldContaining(record: unknown, character: string): string | undefined {
  for (const field of recordFields(record)) if (field.text.includes(character)) return field.path;
  return undefined;
}

/**
 * The path of the record's longest string field that the text contains: the field that made a
 * composed sentence (在…中表现突出，荣记…) too long.
 */
export function fieldWithin(record: unknown, text: string): { path: string; length: number } | undefined {
  let best: { path: string; length: number } | undefined;
  for (const field of recordFields(record)) {
    const { length } = field.text;
    if (length >= 2 && length > (best?.length ?? 0) && text.includes(field.text)) best = { path: field.path, length };
  }
  return best;
}

/**
 * Renders every document a validated record needs. A character no font can draw fails the
 * whole record, naming the record, the field and the code point: no document is half-made.
 * Given a signer, each document is signed as it is finished, and its SHA-256 is the signed bytes'.
 */
export async function renderRecordDocuments(
  record: AwardRecord,
  engine: DocumentEngine = DocumentEngine.shared(),
  mark?: MarkDocument,
  signer?: DocumentSigner,
  options: RenderRecordOptions = {},
): Promise<RecordDocument[]> {
  const documents: RecordDocument[] = [];
  for (const { kind, view } of plannedDocuments(record)) {
    try {
      // Templates print the verification mark where they place it; without one, they print none.
      const verification = mark?.(kind, record.version);
      const ofd = options.ofd
        ? {
            customData: [
              ['recordId', record.id],
              ['recordKind', record.kind],
              ['documentKind', kind],
              ['version', String(record.version)],
              ...(verification ? [['verificationCode', verification.code] as const] : []),
            ] as const,
          }
        : undefined;
      const { watermark } = options;
      const rendered = await engine.render(
        kind,
        { ...view(), verification },
        {
          ...(ofd ? { ofd } : {}),
          ...(watermark ? { watermark } : {}),
        },
      );
      const bytes = signer ? await signPdf(rendered, signer) : rendered.bytes;
      const { pages, seal } = rendered;
      documents.push({
        kind,
        version: record.version,
        bytes,
        pages,
        seal,
        sha256: sha256(bytes),
        ...(rendered.ofd ? { ofd: { bytes: rendered.ofd, sha256: sha256(rendered.ofd) } } : {}),
      });
    } catch (error) {
      if (error instanceof MissingGlyphError && error.recordId === undefined) {
        throw new MissingGlyphError(
          error.character,
          error.fontRole,
          record.id,
          fieldContaining(record, error.character) ?? `template ${kind}.hbs`,
        );
      }
      // The record's own faults learn which record and document they are about; the rest pass unchanged.
      if (!(error instanceof RecordFault) || error.recordId !== undefined) throw error;
      // Text that does not fit is named by the field it came from, as a missing glyph is.
      const text = error instanceof LayoutOverflowError ? error.text : undefined;
      const field = text ? (fieldContaining(record, text) ?? fieldWithin(record, text)?.path) : undefined;
      const where = field === undefined ? kind : `${kind}: ${field}`;
      throw new (error instanceof LayoutOverflowError ? LayoutOverflowError : RecordFault)(
        `record ${record.id}: ${where}: ${error.message}`,
        { cause: error, recordId: record.id, field: field ?? error.field },
      );
    }
  }
  return documents;
}
