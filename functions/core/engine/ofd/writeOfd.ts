import { createHash } from 'node:crypto';
import type { FontSubset } from '../fonts/documentSubsets.js';
import type { LoadedFont } from '../fonts/FontRegistry.js';
import type { DocumentMetadata } from '../layout/LayoutModel.js';
import type { DrawOp, TypesetPage } from '../typeset/PageModel.js';
import { boundsOf, OfdGraphics, type OfdResources } from './OfdGraphics.js';
import { Bounds, mmList } from './ofdUnits.js';
import { childrenOf, element, textElement, type XmlNode, xmlPart } from './ofdXml.js';
import { type PackageEntry, zipPackage } from './zipPackage.js';

export { OFD_NAMESPACE } from './ofdXml.js';
const CREATOR = 'wartime-awards-documents';
/** Every entry's time in the package: fixed, so the same record gives the same bytes. */
const ENTRY_TIME = new Date(1980, 0, 1);
const DOC = 'Doc_0';
/** XML parts are small and deflate well; font programs are deflated as the PDF's are (level 1). */
const XML_LEVEL = 6;
const FONT_LEVEL = 1;

/** What the package's DocInfo carries besides the document's own metadata. */
export interface OfdDocumentInfo {
  /** Name → value pairs for CustomDatas: the record, kind, version, verification code. */
  readonly customData: readonly (readonly [string, string])[];
}

const isStamp = (op: DrawOp) => 'stamp' in op && op.stamp === true;

/** The calendar day of a moment in China (UTC+8): OFD dates are days, and these documents are China's. */
const chinaDate = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

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
  subsets: ReadonlyMap<LoadedFont, FontSubset>,
  info: OfdDocumentInfo,
): Uint8Array {
  const resources = new PackageResources();
  const files: PackageEntry[] = [];

  const fontList: XmlNode[] = [];
  for (const [font, subset] of subsets) {
    const id = resources.nextId();
    const { opentype } = font;
    const file = `font_${id}.${opentype.outlines === 'cff' ? 'otf' : 'ttf'}`;
    resources.fonts.set(font, { id, file });
    // The PostScript name is each face's own: a reader that maps fonts by family finds this file.
    const attributes = {
      ID: id,
      FontName: opentype.postScriptName,
      FamilyName: opentype.postScriptName,
      ...(opentype.metrics.weightClass >= 600 ? { Bold: 'true' } : {}),
    };
    fontList.push(element('Font', attributes, [textElement('FontFile', file)]));
    files.push({ name: `${DOC}/Res/${file}`, bytes: subset.program, level: FONT_LEVEL });
  }
  const publicRes = element('Res', { BaseLoc: 'Res' }, [element('Fonts', {}, fontList)]);

  const media: XmlNode[] = [];
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.type !== 'image' || resources.images.has(op.bytes)) continue;
      const id = resources.nextId();
      const format = op.format === 'png' ? 'PNG' : 'JPEG';
      const file = `image_${id}.${op.format === 'png' ? 'png' : 'jpg'}`;
      resources.images.set(op.bytes, { id, file, format });
      media.push(element('MultiMedia', { ID: id, Type: 'Image', Format: format }, [textElement('MediaFile', file)]));
      // Images are compressed already.
      files.push({ name: `${DOC}/Res/${file}`, bytes: op.bytes, level: 0 });
    }
  }

  const pageIds = pages.map(() => resources.nextId());
  const lastModDate = chinaDate(metadata.date);
  const annotatedPages: { pageId: number; file: string }[] = [];
  pages.forEach((page, index) => {
    const area =
      index > 0 && (page.width !== pages[0]!.width || page.height !== pages[0]!.height)
        ? [element('Area', {}, [textElement('PhysicalBox', mmList(0, 0, page.width, page.height))])]
        : [];
    const layer = element('Layer', { ID: resources.nextId(), Type: 'Body' });
    const body = new OfdGraphics(childrenOf(layer, 'Layer'), resources);
    for (const op of page.ops) if (!isStamp(op)) body.add(op);
    const content = element('Page', {}, [...area, element('Content', {}, [layer])]);
    files.push({ name: `${DOC}/Pages/Page_${index}/Content.xml`, bytes: xmlPart(content), level: XML_LEVEL });

    const stamp = page.ops.filter(isStamp);
    if (stamp.length === 0) return;
    const bounds = new Bounds();
    for (const op of stamp) {
      const box = boundsOf(op);
      bounds.add(box.left, box.top).add(box.right, box.bottom);
    }
    const annotId = resources.nextId();
    const appearance = element('Appearance', {
      ID: resources.nextId(),
      Boundary: mmList(bounds.left, bounds.top, bounds.right - bounds.left, bounds.bottom - bounds.top),
    });
    const seal = new OfdGraphics(childrenOf(appearance, 'Appearance'), resources, { x: bounds.left, y: bounds.top });
    for (const op of stamp) seal.add(op);
    const annot = element('Annot', { ID: annotId, Type: 'Stamp', Creator: metadata.author, LastModDate: lastModDate }, [
      appearance,
    ]);
    const file = `Page_${index}/Annotation.xml`;
    annotatedPages.push({ pageId: pageIds[index]!, file });
    files.push({ name: `${DOC}/Annots/${file}`, bytes: xmlPart(element('PageAnnot', {}, [annot])), level: XML_LEVEL });
  });
  if (annotatedPages.length > 0) {
    const annotationList = element(
      'Annotations',
      {},
      annotatedPages.map(({ pageId, file }) => element('Page', { PageID: pageId }, [textElement('FileLoc', file)])),
    );
    files.push({ name: `${DOC}/Annots/Annotations.xml`, bytes: xmlPart(annotationList), level: XML_LEVEL });
  }

  const [first] = pages;
  const common = element('CommonData', {}, [
    textElement('MaxUnitID', String(resources.maxUnitId)),
    element('PageArea', {}, [textElement('PhysicalBox', mmList(0, 0, first?.width ?? 0, first?.height ?? 0))]),
    textElement('PublicRes', 'PublicRes.xml'),
    ...(media.length > 0 ? [textElement('DocumentRes', 'DocumentRes.xml')] : []),
  ]);
  const pageList = element(
    'Pages',
    {},
    pageIds.map((id, index) => element('Page', { ID: id, BaseLoc: `Pages/Page_${index}/Content.xml` })),
  );
  const document = element('Document', {}, [
    common,
    pageList,
    ...(annotatedPages.length > 0 ? [textElement('Annotations', 'Annots/Annotations.xml')] : []),
  ]);

  const date = chinaDate(metadata.date);
  const docInfo = element('DocInfo', {}, [
    textElement('DocID', createHash('sha256').update(metadata.identity).digest('hex').slice(0, 32)),
    textElement('Title', metadata.title),
    textElement('Author', metadata.author),
    textElement('Subject', metadata.subject),
    textElement('CreationDate', date),
    textElement('ModDate', date),
    ...(metadata.keywords.length > 0
      ? [
          element(
            'Keywords',
            {},
            metadata.keywords.map((keyword) => textElement('Keyword', keyword)),
          ),
        ]
      : []),
    textElement('Creator', CREATOR),
    ...(info.customData.length > 0
      ? [
          element(
            'CustomDatas',
            {},
            info.customData.map(([name, value]) => textElement('CustomData', value, { Name: name })),
          ),
        ]
      : []),
  ]);
  const ofd = element('OFD', { Version: '1.0', DocType: 'OFD' }, [
    element('DocBody', {}, [docInfo, textElement('DocRoot', `${DOC}/Document.xml`)]),
  ]);

  // The entry point first, then the document, its resources, pages and annotations.
  return zipPackage(
    [
      { name: 'OFD.xml', bytes: xmlPart(ofd), level: XML_LEVEL },
      { name: `${DOC}/Document.xml`, bytes: xmlPart(document), level: XML_LEVEL },
      { name: `${DOC}/PublicRes.xml`, bytes: xmlPart(publicRes), level: XML_LEVEL },
      ...(media.length > 0
        ? [
            {
              name: `${DOC}/DocumentRes.xml`,
              bytes: xmlPart(element('Res', { BaseLoc: 'Res' }, [element('MultiMedias', {}, media)])),
              level: XML_LEVEL,
            },
          ]
        : []),
      ...files,
    ],
    ENTRY_TIME,
  );
}
