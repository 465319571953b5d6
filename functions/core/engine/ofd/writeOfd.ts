import { createHash } from 'node:crypto';
import { type Zippable, zipSync } from 'fflate';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { FontRegistry, LoadedFont } from '../fonts/FontRegistry.js';
import type { DocumentMetadata } from '../layout/LayoutModel.js';
import type { DrawOp, TypesetPage } from '../typeset/PageModel.js';
import { usedCharacters } from '../typeset/usedCharacters.js';
import { boundsOf, OfdGraphics, type OfdResources } from './OfdGraphics.js';
import { Bounds, mmList } from './ofdUnits.js';

export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';
const CREATOR = 'wartime-awards-documents';
/** Every entry's time in the package: fixed, so the same record gives the same bytes. */
const ENTRY_TIME = new Date(1980, 0, 1);
const DOC = 'Doc_0';

/** What the package's DocInfo carries besides the document's own metadata. */
export interface OfdDocumentInfo {
  /** Name → value pairs for CustomDatas: the record, kind, version, verification code. */
  readonly customData: readonly (readonly [string, string])[];
}

const isStamp = (op: DrawOp) => 'stamp' in op && op.stamp === true;

/** The calendar day of a moment in China (UTC+8): OFD dates are days, and these documents are China's. */
const chinaDate = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const xml = (root: string, attributes: Record<string, string | number> = {}) =>
  create({ version: '1.0', encoding: 'UTF-8' }).ele(OFD_NAMESPACE, `ofd:${root}`, attributes);

const bytesOf = (part: XMLBuilder) => new TextEncoder().encode(part.end({ prettyPrint: false }));

/** Package names of the document's resources, and the IDs every unit takes from one sequence. */
class PackageResources implements OfdResources {
  private lastId = 0;
  readonly fonts = new Map<LoadedFont, { id: number; file: string }>();
  readonly images = new Map<Uint8Array, { id: number; file: string; format: 'PNG' | 'JPEG' }>();

  nextId(): number {
    return ++this.lastId;
  }

  get maxUnitId(): number {
    return this.lastId;
  }

  fontId(font: LoadedFont): number {
    const entry = this.fonts.get(font);
    if (!entry) throw new Error(`OFD: font ${font.key} was not collected before the pages`);
    return entry.id;
  }

  imageId(bytes: Uint8Array): number {
    const entry = this.images.get(bytes);
    if (!entry) throw new Error('OFD: an image was not collected before the pages');
    return entry.id;
  }
}

/**
 * Writes typeset pages as an OFD package (GB/T 33190-2016): the same pages, glyphs, positions,
 * colours and subset fonts as the PDF writer's, in the format China's 公文 and 电子证照 systems file.
 * The seal is a Stamp annotation over its page: like the PDF's empty ActualText, that keeps its
 * characters out of the document's text. Entries go in a fixed order with a fixed time, IDs
 * come from one counter in drawing order, so the same pages give the same bytes.
 */
export function writeOfd(
  pages: readonly TypesetPage[],
  metadata: DocumentMetadata,
  fonts: FontRegistry,
  info: OfdDocumentInfo,
): Uint8Array {
  const resources = new PackageResources();
  const files: [string, Uint8Array, number][] = [];

  const publicRes = xml('Res', { BaseLoc: 'Res' });
  const fontList = publicRes.ele('ofd:Fonts');
  for (const [font, codePoints] of usedCharacters(pages)) {
    const id = resources.nextId();
    const { opentype } = font;
    const file = `font_${id}.${opentype.outlines === 'cff' ? 'otf' : 'ttf'}`;
    resources.fonts.set(font, { id, file });
    // The PostScript name is each face's own: a reader that maps fonts by family finds this file.
    fontList
      .ele('ofd:Font', {
        ID: id,
        FontName: opentype.postScriptName,
        FamilyName: opentype.postScriptName,
        ...(opentype.metrics.weightClass >= 600 ? { Bold: 'true' } : {}),
      })
      .ele('ofd:FontFile')
      .txt(file);
    const sorted = [...codePoints].sort((a, b) => a - b);
    files.push([`${DOC}/Res/${file}`, fonts.harfBuzz.subset(font.face, sorted), 6]);
  }

  const documentRes = xml('Res', { BaseLoc: 'Res' });
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.type !== 'image' || resources.images.has(op.bytes)) continue;
      const id = resources.nextId();
      const format = op.format === 'png' ? 'PNG' : 'JPEG';
      const file = `image_${id}.${op.format === 'png' ? 'png' : 'jpg'}`;
      resources.images.set(op.bytes, { id, file, format });
      files.push([`${DOC}/Res/${file}`, op.bytes, 0]);
    }
  }
  if (resources.images.size > 0) {
    const media = documentRes.ele('ofd:MultiMedias');
    for (const { id, file, format } of resources.images.values())
      media.ele('ofd:MultiMedia', { ID: id, Type: 'Image', Format: format }).ele('ofd:MediaFile').txt(file);
  }

  const pageIds = pages.map(() => resources.nextId());
  const lastModDate = chinaDate(metadata.date);
  const annotatedPages: { pageId: number; file: string }[] = [];
  pages.forEach((page, index) => {
    const content = xml('Page');
    if (index > 0 && (page.width !== pages[0]!.width || page.height !== pages[0]!.height))
      content
        .ele('ofd:Area')
        .ele('ofd:PhysicalBox')
        .txt(mmList(0, 0, page.width, page.height));
    const layer = content.ele('ofd:Content').ele('ofd:Layer', { ID: resources.nextId(), Type: 'Body' });
    const body = new OfdGraphics(layer, resources);
    for (const op of page.ops) if (!isStamp(op)) body.add(op);
    files.push([`${DOC}/Pages/Page_${index}/Content.xml`, bytesOf(content), 6]);

    const stamp = page.ops.filter(isStamp);
    if (stamp.length === 0) return;
    const bounds = new Bounds();
    for (const op of stamp) {
      const box = boundsOf(op);
      bounds.add(box.left, box.top).add(box.right, box.bottom);
    }
    const annotations = xml('PageAnnot');
    const annot = annotations.ele('ofd:Annot', {
      ID: resources.nextId(),
      Type: 'Stamp',
      Creator: metadata.author,
      LastModDate: lastModDate,
    });
    const appearance = annot.ele('ofd:Appearance', {
      ID: resources.nextId(),
      Boundary: mmList(bounds.left, bounds.top, bounds.right - bounds.left, bounds.bottom - bounds.top),
    });
    const seal = new OfdGraphics(appearance, resources, { x: bounds.left, y: bounds.top });
    for (const op of stamp) seal.add(op);
    const file = `Page_${index}/Annotation.xml`;
    annotatedPages.push({ pageId: pageIds[index]!, file });
    files.push([`${DOC}/Annots/${file}`, bytesOf(annotations), 6]);
  });

  const document = xml('Document');
  const common = document.ele('ofd:CommonData');
  common.ele('ofd:MaxUnitID').txt(String(resources.maxUnitId));
  const [first] = pages;
  common
    .ele('ofd:PageArea')
    .ele('ofd:PhysicalBox')
    .txt(mmList(0, 0, first?.width ?? 0, first?.height ?? 0));
  common.ele('ofd:PublicRes').txt('PublicRes.xml');
  if (resources.images.size > 0) common.ele('ofd:DocumentRes').txt('DocumentRes.xml');
  const pageList = document.ele('ofd:Pages');
  pageIds.forEach((id, index) => {
    pageList.ele('ofd:Page', { ID: id, BaseLoc: `Pages/Page_${index}/Content.xml` });
  });
  if (annotatedPages.length > 0) {
    document.ele('ofd:Annotations').txt('Annots/Annotations.xml');
    const annotationList = xml('Annotations');
    for (const { pageId, file } of annotatedPages)
      annotationList.ele('ofd:Page', { PageID: pageId }).ele('ofd:FileLoc').txt(file);
    files.push([`${DOC}/Annots/Annotations.xml`, bytesOf(annotationList), 6]);
  }

  const ofd = xml('OFD', { Version: '1.0', DocType: 'OFD' });
  const body = ofd.ele('ofd:DocBody');
  const docInfo = body.ele('ofd:DocInfo');
  docInfo.ele('ofd:DocID').txt(createHash('sha256').update(metadata.identity).digest('hex').slice(0, 32));
  docInfo.ele('ofd:Title').txt(metadata.title);
  docInfo.ele('ofd:Author').txt(metadata.author);
  docInfo.ele('ofd:Subject').txt(metadata.subject);
  docInfo.ele('ofd:CreationDate').txt(chinaDate(metadata.date));
  docInfo.ele('ofd:ModDate').txt(chinaDate(metadata.date));
  if (metadata.keywords.length > 0) {
    const keywords = docInfo.ele('ofd:Keywords');
    for (const keyword of metadata.keywords) keywords.ele('ofd:Keyword').txt(keyword);
  }
  docInfo.ele('ofd:Creator').txt(CREATOR);
  if (info.customData.length > 0) {
    const custom = docInfo.ele('ofd:CustomDatas');
    for (const [name, value] of info.customData) custom.ele('ofd:CustomData', { Name: name }).txt(value);
  }
  body.ele('ofd:DocRoot').txt(`${DOC}/Document.xml`);

  // The entry point first, then the document, its resources, pages and annotations.
  const ordered: Zippable = {
    'OFD.xml': [bytesOf(ofd), { level: 6 }],
    [`${DOC}/Document.xml`]: [bytesOf(document), { level: 6 }],
    [`${DOC}/PublicRes.xml`]: [bytesOf(publicRes), { level: 6 }],
    ...(resources.images.size > 0
      ? { [`${DOC}/DocumentRes.xml`]: [bytesOf(documentRes), { level: 6 }] as [Uint8Array, { level: 6 }] }
      : {}),
  };
  for (const [name, bytes, level] of files) ordered[name] = [bytes, { level: level as 0 | 6 }];
  return zipSync(ordered, { mtime: ENTRY_TIME });
}
