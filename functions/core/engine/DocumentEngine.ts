import { documentSubsets } from './fonts/documentSubsets.js';
import { FontRegistry } from './fonts/FontRegistry.js';
import { type OfdDocumentInfo, writeOfd } from './ofd/writeOfd.js';
import { type WrittenPdf, writePdf } from './pdf/writePdf.js';
import { TemplateRenderer } from './templates/TemplateRenderer.js';
import { sealBox } from './typeset/sealBox.js';
import { typesetDocument } from './typeset/typesetDocument.js';
import { watermarkPage } from './typeset/watermark.js';

/** A rectangle on one page of a PDF, in user space: points, origin at the page's bottom left. */
export interface PageRect {
  readonly pageIndex: number;
  /** [left, bottom, right, top] */
  readonly rect: readonly [number, number, number, number];
}

export interface RenderedPdf extends WrittenPdf {
  readonly pages: number;
  /** Where the seal is printed, if the document has one: a signature's field goes over it. */
  readonly seal?: PageRect | undefined;
  /** The same pages as an OFD package, when asked for. */
  readonly ofd?: Uint8Array;
}

export interface RenderOptions {
  /** Also write the pages as OFD (GB/T 33190), with this in its DocInfo. */
  readonly ofd?: OfdDocumentInfo;
  /** Marks every page (样稿): the text large and pale across it, and a caption line at its top. */
  readonly watermark?: { readonly text: string; readonly caption: string };
}

/**
 * Template → layout → PDF (and OFD). Fonts and compiled templates are loaded once and kept, so a
 * long-lived process (a warm Lambda) pays for them once.
 */
export class DocumentEngine {
  private static instance: DocumentEngine | undefined;

  /** The process-wide engine: fonts from the configuration, templates from the repository. */
  static shared(): DocumentEngine {
    DocumentEngine.instance ??= new DocumentEngine(FontRegistry.shared(), new TemplateRenderer());
    return DocumentEngine.instance;
  }

  constructor(
    readonly fonts: FontRegistry,
    readonly templates: TemplateRenderer,
  ) {}

  /** Template → layout → PDF, and OFD from the same pages when `options.ofd` asks for it. */
  async render(template: string, data: object, options: RenderOptions = {}): Promise<RenderedPdf> {
    const layout = this.templates.render(template, data);
    const typeset = typesetDocument(layout, this.fonts);
    const { watermark } = options;
    const pages = watermark
      ? typeset.map((page) => watermarkPage(page, watermark.text, watermark.caption, this.fonts))
      : typeset;
    const subsets = documentSubsets(pages, this.fonts);
    const written = await writePdf(pages, layout.metadata, subsets);
    const ofd = options.ofd && writeOfd(pages, layout.metadata, subsets, options.ofd);
    return { ...written, pages: pages.length, seal: sealBox(pages), ...(ofd ? { ofd } : {}) };
  }
}
