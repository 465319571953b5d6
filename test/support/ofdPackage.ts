/**
 * An OFD package read back for tests: its entries, XML parts (DOM, via xmlbuilder2's parser), its
 * fonts, and every text unit's glyphs with their positions on the page in millimetres.
 */
import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { create } from 'xmlbuilder2';
import { OFD_NAMESPACE } from '../../functions/core/engine/ofd/writeOfd.js';
import { OpenTypeFont } from '../../functions/core/engine/fonts/OpenTypeFont.js';
import { toTempFile } from './poppler.js';

type XmlElement = {
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): Iterable<XmlElement> & { length: number };
  readonly textContent: string | null;
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly parentNode: XmlElement | null;
};

export interface OfdGlyph {
  readonly character: string;
  /** Pen position on the baseline, from the page's top-left corner, in mm. */
  readonly x: number;
  readonly y: number;
}

export interface OfdTextUnit {
  readonly fontName: string;
  readonly font: OpenTypeFont;
  /** mm */
  readonly size: number;
  readonly text: string;
  readonly glyphs: readonly OfdGlyph[];
  /** Turned by a matrix (the seal's arc text): positions are before the turn. */
  readonly turned: boolean;
}

export interface OfdPage {
  /** "0 0 w h" in mm. */
  readonly physicalBox: readonly number[];
  /** Text units of the page's content, in drawing order. */
  readonly texts: readonly OfdTextUnit[];
  /** Text units of the page's annotations (the seal). */
  readonly annotationTexts: readonly OfdTextUnit[];
  readonly annotationTypes: readonly string[];
}

export interface OfdPackage {
  readonly entries: readonly string[];
  readonly files: Readonly<Record<string, Uint8Array>>;
  root(entry: string): XmlElement;
  readonly pages: readonly OfdPage[];
  /** DocInfo's CustomData, by name. */
  readonly customData: Readonly<Record<string, string>>;
  readonly docInfo: (name: string) => string | undefined;
}

const numbers = (text: string | null) => (text ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** Expands DeltaX's "g N v" (v repeated N times) among plain numbers. */
export function expandDeltas(text: string | null): number[] {
  const tokens = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const values: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      values.push(...Array<number>(Number(tokens[i + 1])).fill(Number(tokens[i + 2])));
      i += 2;
    } else values.push(Number(tokens[i]));
  }
  return values;
}

export function readOfd(bytes: Uint8Array): OfdPackage {
  const files = unzipSync(bytes);
  const entries = Object.keys(files);
  const decoder = new TextDecoder();
  const root = (entry: string): XmlElement => {
    const file = files[entry];
    if (!file) throw new Error(`no ${entry} in the package (entries: ${entries.join(', ')})`);
    return (create(decoder.decode(file)).node as unknown as { documentElement: XmlElement }).documentElement;
  };
  const all = (element: XmlElement, name: string) => [...element.getElementsByTagNameNS(OFD_NAMESPACE, name)];
  const first = (element: XmlElement, name: string) => all(element, name)[0];

  const ofd = root('OFD.xml');
  const docRoot = first(ofd, 'DocRoot')!.textContent!;
  const docDir = docRoot.slice(0, docRoot.lastIndexOf('/') + 1);
  const document = root(docRoot);
  const publicRes = root(docDir + first(document, 'PublicRes')!.textContent!);
  const resDir = `${docDir}${publicRes.getAttribute('BaseLoc') ?? ''}/`;
  const fonts = new Map<string, { name: string; font: OpenTypeFont }>();
  for (const font of all(publicRes, 'Font')) {
    const file = resDir + first(font, 'FontFile')!.textContent!;
    const name = font.getAttribute('FontName')!;
    fonts.set(font.getAttribute('ID')!, { name, font: new OpenTypeFont(files[file]!, file) });
  }

  const textUnits = (container: XmlElement, offset: readonly number[]): OfdTextUnit[] =>
    all(container, 'TextObject').map((object) => {
      const [bx, by] = numbers(object.getAttribute('Boundary'));
      const { name, font } = fonts.get(object.getAttribute('Font')!)!;
      const glyphs: OfdGlyph[] = [];
      for (const code of all(object, 'TextCode')) {
        const characters = [...(code.textContent ?? '')];
        const deltas = expandDeltas(code.getAttribute('DeltaX'));
        let x = offset[0]! + bx! + Number(code.getAttribute('X'));
        const y = offset[1]! + by! + Number(code.getAttribute('Y'));
        characters.forEach((character, i) => {
          if (i > 0) x += deltas[i - 1] ?? 0;
          glyphs.push({ character, x, y });
        });
      }
      return {
        fontName: name,
        font,
        size: Number(object.getAttribute('Size')),
        text: glyphs.map((glyph) => glyph.character).join(''),
        glyphs,
        turned: object.getAttribute('CTM') !== null,
      };
    });

  const annotationsByPage = new Map<string, XmlElement[]>();
  const annotationsEntry = first(document, 'Annotations')?.textContent;
  if (annotationsEntry) {
    const list = root(docDir + annotationsEntry);
    const listDir = docDir + annotationsEntry.slice(0, annotationsEntry.lastIndexOf('/') + 1);
    for (const page of all(list, 'Page')) {
      const annotations = all(root(listDir + first(page, 'FileLoc')!.textContent!), 'Annot');
      annotationsByPage.set(page.getAttribute('PageID')!, annotations);
    }
  }
  const defaultBox = numbers(first(first(document, 'PageArea')!, 'PhysicalBox')!.textContent);
  const pages = all(document, 'Page').map((page) => {
    const content = root(docDir + page.getAttribute('BaseLoc')!);
    const area = first(content, 'Area');
    const annotations = annotationsByPage.get(page.getAttribute('ID')!) ?? [];
    return {
      physicalBox: area ? numbers(first(area, 'PhysicalBox')!.textContent) : defaultBox,
      texts: textUnits(content, [0, 0]),
      annotationTexts: annotations.flatMap((annotation) => {
        const appearance = first(annotation, 'Appearance')!;
        return textUnits(appearance, numbers(appearance.getAttribute('Boundary')));
      }),
      annotationTypes: annotations.map((annotation) => annotation.getAttribute('Type')!),
    };
  });

  const docInfo = first(ofd, 'DocInfo')!;
  const customData = Object.fromEntries(
    all(docInfo, 'CustomData').map((data) => [data.getAttribute('Name')!, data.textContent ?? '']),
  );
  return {
    entries,
    files,
    root,
    pages,
    customData,
    docInfo: (name) => first(docInfo, name)?.textContent ?? undefined,
  };
}

/** xmllint's verdict on one XML part: undefined when well-formed, else its complaint. */
export function xmlProblem(xml: Uint8Array): string | undefined {
  try {
    execFileSync('xmllint', ['--noout', toTempFile(xml, 'part.xml')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}
