import type { Award, AwardRecordFields, DocumentRef, FormatRef } from '../award/Award.js';
import type { DocumentFormat } from '../../definitions/documentsBucket.js';
import { documentTitle } from '../documents/documentTitles.js';
import { REGIONS } from '../records/constants.js';
import { awardSummary, currentDocuments, renderingFailure } from './awardSummary.js';
import { asciiFileName, documentFileName } from './documentFileName.js';
import type { AskedRequest, AuditEntry, AuditTrail } from './AuditTrail.js';
import { maySee, type StaffAccess, scopeOf } from './staffAccess.js';
import type { LinkRequest } from './linkRequest.js';

/** What the links API reads: award items by region (a page at a time) and one by id. */
export interface AwardQueries {
  listByRegion(
    region: string,
    options: { status?: string; q?: string; cursor?: string; limit: number },
  ): Promise<{ items: Award[]; cursor?: string }>;
  /** Several regions' awards as one list, a page at a time. */
  listAcrossRegions(
    regions: readonly string[],
    options: { status?: string; q?: string; cursor?: string; limit: number },
  ): Promise<{ items: Award[]; cursor?: string }>;
  get(id: string): Promise<Award | undefined>;
}

/**
 * Short-lived signed GET links that download under a given file name (and an ASCII one for old
 * clients), as the format's media type (PDF unless told).
 */
export interface DocumentLinks {
  link(
    key: string,
    fileName: string,
    format?: DocumentFormat,
    asciiFileName?: string,
  ): Promise<{ url: string; expiresAt: string }>;
}

/** Compiled statistics bulletins, newest first. */
export interface BulletinIndex {
  /** Each bulletin's PDF, and its OFD when it was archived with one. */
  list(): Promise<{ cutoff: string; key: string; ofdKey?: string }[]>;
}

/** A signed link and until when it works. */
interface Link {
  readonly url: string;
  readonly expiresAt: string;
}

/** One current document as the links API answers it: a PDF link, and an OFD link when it was rendered as OFD too. */
export interface DocumentLink extends Partial<Link> {
  readonly kind: string;
  readonly title: string;
  readonly version: number;
  readonly sha256: string;
  readonly pages: number;
  readonly withdrawn: boolean;
  readonly ofd?: Link & { readonly sha256: string; readonly bytes: number };
}

/** Neither missing nor hidden is told apart: both answer 404. */
export class NotFound extends Error {
  override name = 'NotFound';
}

/**
 * The links API's decisions: staff see their own region's awards (the department every
 * region's), another region's award answers as a missing one would, a document gets a link only
 * while its award is APPROVED (read now, whatever its references say) and the document is not
 * withdrawn, and every link handed out or refused is written to the audit trail first, as is
 * every request refused here (`asked`: what came, for the trail to say).
 */
export class LinksService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      awards: AwardQueries;
      links: DocumentLinks;
      audit: AuditTrail;
      bulletins: BulletinIndex;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async listAwards(access: StaffAccess, request: Extract<LinkRequest, { route: 'list-awards' }>, asked: AskedRequest) {
    const { region: _region, route: _route, ...options } = request;
    const region = request.region ?? (access.scope === 'region' ? access.region : undefined);
    if (region === undefined) {
      // The department's staff asking for no region in particular see them all, 盟市 after 盟市.
      const page = await this.deps.awards.listAcrossRegions(REGIONS, options);
      return { items: page.items.map(awardSummary), ...(page.cursor ? { cursor: page.cursor } : {}) };
    }
    if (!maySee(access, region)) {
      // Answered as a region without awards would be, but written down as the refusal it is.
      await this.audit({
        action: 'request-refused',
        subject: access.subject,
        scope: scopeOf(access),
        request: asked,
        status: 200,
        reason: `another region’s list (${region}): answered with no items`,
      });
      return { items: [] };
    }
    const page = await this.deps.awards.listByRegion(region, options);
    return { items: page.items.map(awardSummary), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  async documents(access: StaffAccess, id: string, asked: AskedRequest) {
    const award = await this.deps.awards.get(id);
    const caller = { subject: access.subject, scope: scopeOf(access), recordId: id };
    if (!award || !maySee(access, String(award.record.region))) {
      await this.audit({
        ...caller,
        action: 'request-refused',
        request: asked,
        status: 404,
        reason: 'no such award in the caller’s scope',
      });
      throw new NotFound(`award ${id} not found`);
    }
    const { status } = award.record;
    const documents: DocumentLink[] = [];
    for (const ref of currentDocuments(award.documents)) {
      const { kind, version, key, sha256, pages } = ref;
      const title = documentTitle(kind, award.record);
      if (ref.withdrawn || status !== 'APPROVED') {
        const reason = ref.withdrawn ? 'the document is withdrawn' : `the award is ${status}`;
        await this.audit({ ...caller, action: 'link-refused', key, sha256, status: 200, reason });
        // The OFD is the same document: refused alike, and written down under its own key.
        if (ref.ofd) {
          const { key: ofdKey, sha256: ofdSha256 } = ref.ofd;
          await this.audit({ ...caller, action: 'link-refused', key: ofdKey, sha256: ofdSha256, status: 200, reason });
        }
        documents.push({ kind, title, version, sha256, pages, withdrawn: true });
        continue;
      }
      const { url, expiresAt } = await this.deps.links.link(
        key,
        documentFileName(award.record, ref),
        'pdf',
        asciiFileName(award.record, ref),
      );
      await this.audit({ ...caller, action: 'link-issued', key, sha256, expiresAt, status: 200 });
      // Documents rendered before OFD output have no OFD: they are offered as PDF alone.
      const ofd = ref.ofd ? await this.ofdLink(caller, award.record, ref, ref.ofd) : undefined;
      documents.push({
        kind,
        title,
        version,
        sha256,
        pages,
        withdrawn: false,
        url,
        expiresAt,
        ...(ofd ? { ofd } : {}),
      });
    }
    const failure = renderingFailure(award);
    return { id, status, ...(failure === undefined ? {} : { failure }), documents };
  }

  /** Statistics bulletins cover the whole region, so every member of staff may read them. */
  async bulletins(access: StaffAccess) {
    const bulletins = [];
    for (const { cutoff, key, ofdKey } of await this.deps.bulletins.list()) {
      const name = `统计通报-${cutoff.slice(0, 10)}`;
      const issue = async (objectKey: string, format: DocumentFormat) => {
        const ascii = `statistics-bulletin-${cutoff.slice(0, 10)}.${format}`;
        const link = await this.deps.links.link(objectKey, `${name}.${format}`, format, ascii);
        await this.audit({
          action: 'link-issued',
          subject: access.subject,
          scope: scopeOf(access),
          recordId: `bulletin ${cutoff}`,
          key: objectKey,
          expiresAt: link.expiresAt,
          status: 200,
        });
        return link;
      };
      const { url, expiresAt } = await issue(key, 'pdf');
      // Bulletins archived before OFD output have none: they are offered as PDF alone.
      const ofd = ofdKey === undefined ? undefined : await issue(ofdKey, 'ofd');
      bulletins.push({ cutoff, url, expiresAt, ...(ofd ? { ofd } : {}) });
    }
    return { bulletins };
  }

  /** The OFD beside a document's PDF: its own link, audited under its own key and hash. */
  private async ofdLink(
    caller: { subject?: string; scope: string; recordId: string },
    record: AwardRecordFields,
    ref: DocumentRef,
    { key, sha256, bytes }: FormatRef,
  ) {
    const { url, expiresAt } = await this.deps.links.link(
      key,
      documentFileName(record, ref, 'ofd'),
      'ofd',
      asciiFileName(record, ref, 'ofd'),
    );
    await this.audit({ ...caller, action: 'link-issued', key, sha256, expiresAt, status: 200 });
    return { url, expiresAt, sha256, bytes };
  }

  private audit(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    return this.deps.audit.record({ at: this.now().toISOString(), ...entry });
  }
}
