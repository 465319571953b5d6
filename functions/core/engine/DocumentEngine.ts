import { FontRegistry } from './fonts/FontRegistry.js';
import { writePdf } from './pdf/writePdf.js';
import { TemplateRenderer } from './templates/TemplateRenderer.js';
import { typesetDocument } from './typeset/typesetDocument.js';

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Template → layout → PDF. Fonts and compiled templates are loaded once and kept, so a
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

  async render(template: string, data: object): Promise<RenderedPdf> {
    const layout = this.templates.render(template, data);
    const pages = typesetDocument(layout, this.fonts);
    return { bytes: await writePdf(pages, layout.metadata, this.fonts), pages: pages.length };
  }
}
