import { readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { FONT_ROLES, type FontRole } from '../fonts/fontConfig.js';
import type {
  Align,
  BarChartBar,
  Block,
  BorderDecoration,
  DocumentMetadata,
  LayoutDocument,
  PageNumbering,
  PlacedLine,
  PlacedQr,
  QrBlock,
  QrCodeSpec,
  Rgb,
  Section,
  TableColumn,
  TableRow,
  TextSpan,
  TextStyle,
} from './LayoutModel.js';
import { isElement, type MarkupElement, type MarkupNode, type SourceLocation } from './parseMarkup.js';
import { PAPER_SIZES, parseColor, parseLength } from './units.js';

/** A layout that parsed as markup but describes something the engine cannot lay out. */
export class LayoutSpecError extends Error {
  override name = 'LayoutSpecError';
  constructor(
    readonly location: SourceLocation,
    message: string,
  ) {
    super(message);
  }
}

const BLACK: Rgb = [0, 0, 0];
const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];
/** A QR code's quiet zone is 4 modules; the smallest symbol (version 1) has 21, so the widest zone is 4/21 of it. */
const WIDEST_QUIET_ZONE = 4 / 21;

/** Reads an element's attributes, rejecting unknown ones so a typo is an error, not a silent default. */
class Attributes {
  private readonly used = new Set<string>();
  constructor(private readonly element: MarkupElement) {}

  fail(message: string): never {
    throw new LayoutSpecError(this.element, `<${this.element.name}>: ${message}`);
  }

  string(name: string): string | undefined {
    this.used.add(name);
    return this.element.attributes[name];
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') this.fail(`"${name}" is required`);
    return value;
  }

  length(name: string, fallback: number, em: number, line: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const length = parseLength(value, { em, line });
    if (length === undefined) this.fail(`${name}="${value}" is not a length (e.g. 4mm, 16pt, 2em, 1line, 225mm/22)`);
    return length;
  }

  number(name: string, fallback: number | undefined): number | undefined {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isFinite(number)) this.fail(`${name}="${value}" is not a number`);
    return number;
  }

  color(name: string, fallback: Rgb): Rgb {
    const value = this.string(name);
    if (value === undefined) return fallback;
    return parseColor(value) ?? this.fail(`${name}="${value}" is not a colour (write #RRGGBB)`);
  }

  flag(name: string): boolean {
    const value = this.string(name);
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    this.fail(`${name}="${value}" must be true or false`);
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (!(choices as readonly string[]).includes(value))
      this.fail(`${name}="${value}" must be one of ${choices.join(', ')}`);
    return value as T;
  }

  done(): void {
    const unknown = Object.keys(this.element.attributes).find((name) => !this.used.has(name));
    if (unknown !== undefined) this.fail(`unknown attribute "${unknown}"`);
  }
}

/** Line breaks in the markup are layout, not text: drop them, keeping one space only between Latin words. */
function normalizeText(text: string): string {
  return text
    .replace(/[ \t]*\r?\n[ \t]*/g, '\n')
    .replace(/([A-Za-z0-9])\n(?=[A-Za-z0-9])/g, '$1 ')
    .replace(/\n/g, '')
    .replace(/[ \t]+/g, ' ');
}

class LayoutBuilder {
  private readonly styles = new Map<string, TextStyle>();
  private readonly images = new Map<string, Uint8Array>();
  private linePitch = 0;

  constructor(private readonly assetsDir: string) {}

  build(root: MarkupElement): LayoutDocument {
    if (root.name !== 'document') throw new LayoutSpecError(root, 'the root element must be <document>');
    const attributes = new Attributes(root);
    this.linePitch = attributes.length('line-pitch', 0, 0, 0);
    const metadata = this.metadata(attributes);
    attributes.done();
    const sections: Section[] = [];
    const words: string[] = [];
    for (const child of this.elements(root)) {
      if (child.name === 'style') this.defineStyle(child);
      else if (child.name === 'words') words.push(...this.words(child));
      else if (child.name === 'section') sections.push(this.section(child));
      else
        throw new LayoutSpecError(
          child,
          `<${child.name}> is not allowed in <document> (use <style>, <words> or <section>)`,
        );
    }
    if (sections.length === 0) throw new LayoutSpecError(root, '<document> has no <section>');
    return { metadata, words, sections };
  }

  /** <words>: whitespace-separated words that titles and wrapped names never break inside. */
  private words(element: MarkupElement): string[] {
    new Attributes(element).done();
    const text = element.children.map((node) => {
      if (isElement(node)) throw new LayoutSpecError(node, `<${node.name}> is not allowed inside <words>`);
      return node.text;
    });
    return text.join(' ').split(/\s+/).filter(Boolean);
  }

  private metadata(attributes: Attributes): DocumentMetadata {
    const dateText = attributes.required('date');
    const date = new Date(dateText);
    if (Number.isNaN(date.getTime())) attributes.fail(`date="${dateText}" is not an ISO 8601 date-time`);
    return {
      title: attributes.required('title'),
      author: attributes.string('author') ?? '',
      subject: attributes.string('subject') ?? '',
      keywords: (attributes.string('keywords') ?? '')
        .split(/[,，]/)
        .map((k) => k.trim())
        .filter(Boolean),
      language: attributes.string('lang') ?? 'zh-CN',
      date,
      identity: attributes.required('identity'),
    };
  }

  private elements(parent: MarkupElement): MarkupElement[] {
    const stray = parent.children.find((node) => !isElement(node) && node.text.trim() !== '');
    if (stray && !isElement(stray)) {
      throw new LayoutSpecError(
        stray,
        `text "${stray.text.trim().slice(0, 20)}" outside a text element in <${parent.name}>`,
      );
    }
    return parent.children.filter(isElement);
  }

  private defineStyle(element: MarkupElement): void {
    const attributes = new Attributes(element);
    const name = attributes.required('name');
    const base = attributes.string('extends');
    const parent = base === undefined ? undefined : this.style(base, element);
    const font = attributes.choice<FontRole>('font', FONT_ROLES, parent?.font ?? 'songti');
    const size = attributes.length('size', parent?.size ?? 16, parent?.size ?? 16, this.linePitch);
    const style: TextStyle = {
      name,
      font,
      size,
      color: attributes.color('color', parent?.color ?? BLACK),
      tracking: attributes.length('tracking', parent?.tracking ?? 0, size, this.linePitch),
      leading: attributes.length('leading', parent?.leading ?? size * 1.5, size, this.linePitch),
      autospace:
        attributes.string('autospace') === undefined ? (parent?.autospace ?? true) : attributes.flag('autospace'),
    };
    attributes.done();
    this.styles.set(name, style);
  }

  private style(name: string, at: SourceLocation): TextStyle {
    const style = this.styles.get(name);
    if (!style)
      throw new LayoutSpecError(at, `style "${name}" is not defined (define it with <style name="${name}" …/> first)`);
    return style;
  }

  private styleOf(attributes: Attributes, at: SourceLocation, fallback = 'body'): TextStyle {
    return this.style(attributes.string('style') ?? fallback, at);
  }

  private section(element: MarkupElement): Section {
    const attributes = new Attributes(element);
    const paperName = attributes.string('size') ?? 'A4';
    const paper =
      PAPER_SIZES[paperName] ??
      attributes.fail(`size="${paperName}" must be one of ${Object.keys(PAPER_SIZES).join(', ')}`);
    const landscape = attributes.choice('orientation', ['portrait', 'landscape'], 'portrait') === 'landscape';
    const [width, height] = landscape ? [paper[1], paper[0]] : paper;
    const marginText = (attributes.string('margin') ?? '25mm').trim().split(/\s+/);
    const margins = marginText.map(
      (m) => parseLength(m, { em: 16, line: this.linePitch }) ?? attributes.fail(`margin "${m}" is not a length`),
    );
    const [top, right = top, bottom = top, left = right] = margins as [number, number?, number?, number?];
    const maxPages = attributes.number('max-pages', undefined);
    // shrink="body 18pt": the style that gives way, and the smallest size it may take.
    const shrinkText = attributes.string('shrink')?.trim().split(/\s+/);
    let shrink: Section['shrink'];
    if (shrinkText !== undefined) {
      const [styleName = '', sizeText = ''] = shrinkText;
      const style = this.style(styleName, element);
      const minSize = parseLength(sizeText, { em: style.size, line: this.linePitch });
      if (shrinkText.length !== 2 || minSize === undefined || minSize > style.size)
        attributes.fail(`shrink="${shrinkText.join(' ')}" must name a style and a size no larger than its own`);
      shrink = { style: styleName, minSize: minSize! };
    }
    attributes.done();
    let border: BorderDecoration | undefined;
    let pageNumbers: PageNumbering | undefined;
    const blocks: Block[] = [];
    const placedQrCodes: PlacedQr[] = [];
    const placedLines: PlacedLine[] = [];
    for (const child of this.elements(element)) {
      if (child.name === 'border') border = this.border(child);
      else if (child.name === 'page-numbers') pageNumbers = this.pageNumbers(child);
      else if (child.name === 'qr' && child.attributes.position === 'page') placedQrCodes.push(this.placedQr(child));
      else if (child.name === 'p' && child.attributes.position === 'page') placedLines.push(this.placedLine(child));
      else blocks.push(this.block(child));
    }
    return {
      width,
      height,
      margins: { top, right, bottom, left },
      border,
      pageNumbers,
      maxPages,
      shrink,
      placedQrCodes,
      placedLines,
      blocks,
    };
  }

  private border(element: MarkupElement): BorderDecoration {
    const a = new Attributes(element);
    const border: BorderDecoration = {
      inset: a.length('inset', 10 * (72 / 25.4), 16, this.linePitch),
      color: a.color('color', [0.78, 0.09, 0.11]),
      outerWidth: a.length('width', 3, 16, this.linePitch),
      innerGap: a.length('inner-gap', 0, 16, this.linePitch),
      innerWidth: a.length('inner-width', 1, 16, this.linePitch),
    };
    a.done();
    return border;
  }

  private pageNumbers(element: MarkupElement): PageNumbering {
    const a = new Attributes(element);
    const style = this.styleOf(a, element, 'page-number');
    const numbering: PageNumbering = {
      style,
      offset: a.length('offset', 7 * (72 / 25.4), style.size, this.linePitch),
      inset: a.length('inset', style.size, style.size, this.linePitch),
      onlyWhenMultiple: a.choice('when', ['always', 'multiple'], 'always') === 'multiple',
    };
    a.done();
    return numbering;
  }

  private block(element: MarkupElement): Block {
    switch (element.name) {
      case 'p':
        return this.paragraph(element);
      case 'rule': {
        const a = new Attributes(element);
        const thickness = a.length('thickness', 1, 16, this.linePitch);
        const block: Block = {
          type: 'rule',
          thickness,
          color: a.color('color', BLACK),
          width: a.string('width') === undefined ? undefined : a.length('width', 0, 16, this.linePitch),
          spaceBefore: a.length('space-before', 0, 16, this.linePitch),
          spaceAfter: a.length('space-after', 0, 16, this.linePitch),
          double: a.flag('double'),
        };
        a.done();
        return block;
      }
      case 'space': {
        const a = new Attributes(element);
        const height = a.length('height', 0, 16, this.linePitch);
        a.done();
        return { type: 'space', height };
      }
      case 'table':
        return this.table(element);
      case 'bar-chart':
        return this.barChart(element);
      case 'signature':
        return this.signature(element);
      case 'image':
        return this.image(element);
      case 'colophon':
        return this.colophon(element);
      case 'qr':
        return this.flowQr(element);
      default:
        throw new LayoutSpecError(
          element,
          `unknown element <${element.name}> ` +
            '(blocks: p, rule, space, table, bar-chart, signature, image, colophon, qr)',
        );
    }
  }

  /** The text of an element, with <span style> runs and <br/> line breaks (kept as "\n"). */
  private spans(element: MarkupElement, style: TextStyle): TextSpan[] {
    const spans: TextSpan[] = [];
    const visit = (node: MarkupNode, current: TextStyle) => {
      if (!isElement(node)) {
        const text = normalizeText(node.text);
        if (text) spans.push({ text, style: current, line: node.line });
      } else if (node.name === 'span') {
        const a = new Attributes(node);
        const spanStyle = this.styleOf(a, node, current.name);
        a.done();
        for (const child of node.children) visit(child, spanStyle);
      } else if (node.name === 'br') {
        spans.push({ text: '\n', style: current, line: node.line });
      } else {
        throw new LayoutSpecError(node, `<${node.name}> is not allowed inside text (use <span style="…"> or <br/>)`);
      }
    };
    for (const child of element.children) visit(child, style);
    if (spans.length > 0) {
      const last = spans.length - 1;
      // Only spaces: a leading or trailing <br/> is a deliberate blank line.
      spans[0] = { ...spans[0]!, text: spans[0]!.text.replace(/^[ \t]+/, '') };
      spans[last] = { ...spans[last]!, text: spans[last]!.text.replace(/[ \t]+$/, '') };
    }
    return spans.filter((span) => span.text !== '');
  }

  private positive(a: Attributes, name: string): number | undefined {
    const value = a.number(name, undefined);
    if (value !== undefined && !(Number.isInteger(value) && value >= 1))
      a.fail(`${name}="${value}" must be a whole number ≥ 1`);
    return value;
  }

  private paragraph(element: MarkupElement): Block {
    const a = new Attributes(element);
    const style = this.styleOf(a, element);
    const em = style.size;
    const block: Block = {
      type: 'paragraph',
      style,
      spans: this.spans(element, style),
      align: a.choice('align', ALIGNS, 'justify'),
      firstLineIndent: a.length('indent', 0, em, this.linePitch),
      leftIndent: a.length('left-indent', 0, em, this.linePitch),
      rightIndent: a.length('right-indent', 0, em, this.linePitch),
      spaceBefore: a.length('space-before', 0, em, this.linePitch),
      spaceAfter: a.length('space-after', 0, em, this.linePitch),
      titleMaxChars: this.positive(a, 'title-max-chars'),
      shrinkTo: a.string('shrink-to') === undefined ? undefined : a.length('shrink-to', 0, em, this.linePitch),
      keepWithNext: a.flag('keep-with-next'),
      line: element.line,
    };
    a.done();
    return block;
  }

  private table(element: MarkupElement): Block {
    const a = new Attributes(element);
    const style = this.styleOf(a, element);
    const headerStyle = this.style(a.string('header-style') ?? style.name, element);
    const em = style.size;
    const columnSpecs = a.required('columns').trim().split(/\s+/);
    const aligns = (a.string('align') ?? '').trim().split(/\s+/).filter(Boolean);
    // keep-whole="2": 1-based numbers of the columns whose cells hold names.
    const keepWhole = (a.string('keep-whole') ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    if (keepWhole.some((n) => !Number.isInteger(n) || n < 1 || n > columnSpecs.length))
      a.fail(`keep-whole="${keepWhole.join(' ')}" must list column numbers from 1 to ${columnSpecs.length}`);
    const length = (spec: string) => parseLength(spec, { em, line: this.linePitch });
    const columns: TableColumn[] = columnSpecs.map((spec, index) => {
      const align = aligns[index] ?? 'left';
      if (!(ALIGNS as readonly string[]).includes(align))
        a.fail(`column align "${align}" must be one of ${ALIGNS.join(', ')}`);
      const fraction = /^(\d+(?:\.\d+)?)fr$/.exec(spec);
      const range = /^(.+)\.\.(.+)$/.exec(spec);
      const [min, max] = range ? [length(range[1]!), length(range[2]!)] : [undefined, undefined];
      const width = fraction
        ? { fraction: Number(fraction[1]) }
        : range
          ? min !== undefined && max !== undefined && min <= max
            ? { content: { min, max } }
            : a.fail(`column width "${spec}" must be a range of lengths like 5em..10em, smallest first`)
          : { fixed: length(spec) ?? a.fail(`column width "${spec}" must be a length, a range or a share like 1fr`) };
      return { width, align: align as Align, keepWhole: keepWhole.includes(index + 1) };
    });
    const block = {
      type: 'table' as const,
      style,
      headerStyle,
      columns,
      ruleColor: a.color('rule-color', BLACK),
      ruleThickness: a.length('rule-thickness', 0.5, em, this.linePitch),
      cellPadding: a.length('padding', em / 4, em, this.linePitch),
      spaceBefore: a.length('space-before', 0, em, this.linePitch),
      spaceAfter: a.length('space-after', 0, em, this.linePitch),
      line: element.line,
      rows: [] as TableRow[],
    };
    a.done();
    for (const rowElement of this.elements(element)) {
      if (rowElement.name !== 'tr')
        throw new LayoutSpecError(rowElement, `<${rowElement.name}> in <table>: rows are <tr>`);
      const ra = new Attributes(rowElement);
      const header = ra.flag('header');
      ra.done();
      const cells = this.elements(rowElement).map((cell) => {
        if (cell.name !== 'td') throw new LayoutSpecError(cell, `<${cell.name}> in <tr>: cells are <td>`);
        new Attributes(cell).done();
        return { spans: this.spans(cell, header ? headerStyle : style) };
      });
      if (cells.length !== columns.length) {
        throw new LayoutSpecError(
          rowElement,
          `<tr> has ${cells.length} cells but the table has ${columns.length} columns`,
        );
      }
      block.rows.push({ cells, header });
    }
    return block;
  }

  private barChart(element: MarkupElement): Block {
    const a = new Attributes(element);
    const style = this.styleOf(a, element);
    const em = style.size;
    const bars: BarChartBar[] = this.elements(element).map((bar) => {
      if (bar.name !== 'bar')
        throw new LayoutSpecError(bar, `<${bar.name}> in <bar-chart>: use <bar label="…" value="…"/>`);
      const ba = new Attributes(bar);
      const value = ba.number('value', undefined);
      if (value === undefined || value < 0) return ba.fail('"value" must be a number ≥ 0');
      const result = { label: ba.required('label'), value };
      ba.done();
      return result;
    });
    const block: Block = {
      type: 'bar-chart',
      bars,
      style,
      barColor: a.color('bar-color', [0.75, 0.1, 0.1]),
      barHeight: a.length('bar-height', em, em, this.linePitch),
      gap: a.length('gap', em / 2, em, this.linePitch),
      labelWidth: a.length('label-width', 6 * em, em, this.linePitch),
      spaceBefore: a.length('space-before', 0, em, this.linePitch),
      spaceAfter: a.length('space-after', 0, em, this.linePitch),
      line: element.line,
    };
    a.done();
    return block;
  }

  private colophon(element: MarkupElement): Block {
    const a = new Attributes(element);
    const style = this.styleOf(a, element);
    const em = style.size;
    const block = {
      type: 'colophon' as const,
      style,
      inset: a.length('inset', em, em, this.linePitch),
      thickRule: a.length('thick-rule', 0.35 * (72 / 25.4), em, this.linePitch),
      thinRule: a.length('thin-rule', 0.25 * (72 / 25.4), em, this.linePitch),
      color: a.color('color', BLACK),
      line: element.line,
    };
    a.done();
    const parts = new Map<string, { text: TextSpan; label: string | undefined }>();
    for (const child of this.elements(element)) {
      if (!['copy-to', 'printed-by', 'printed-on'].includes(child.name))
        throw new LayoutSpecError(
          child,
          `<colophon> holds <copy-to>, <printed-by> and <printed-on>, not <${child.name}>`,
        );
      const ca = new Attributes(child);
      const label = child.name === 'copy-to' ? ca.required('label') : undefined;
      ca.done();
      const text = this.spans(child, style)
        .map((span) => span.text)
        .join('');
      if (text.includes('\n')) throw new LayoutSpecError(child, `<${child.name}> is one line of text: no <br/>`);
      if (text) parts.set(child.name, { text: { text, style, line: child.line }, label });
    }
    const copyTo = parts.get('copy-to');
    return {
      ...block,
      copyTo: copyTo ? { label: copyTo.label!, text: copyTo.text } : undefined,
      printedBy: parts.get('printed-by')?.text,
      printedOn: parts.get('printed-on')?.text,
    };
  }

  private signature(element: MarkupElement): Block {
    const a = new Attributes(element);
    const style = this.styleOf(a, element);
    const em = style.size;
    const sealText = a.string('seal');
    const seal =
      sealText === undefined
        ? undefined
        : {
            text: sealText,
            diameter: a.length('seal-diameter', 42 * (72 / 25.4), em, this.linePitch),
            color: a.color('seal-color', [1, 0, 0]),
            style: this.style(a.string('seal-style') ?? style.name, element),
          };
    // GB/T 9704 §7.3.5: the date 4 characters from the right under a seal, the authority 2 without one.
    const rightInset = a.length('right-inset', (seal ? 4 : 2) * em, em, this.linePitch);
    const pinToBottom = a.choice('position', ['flow', 'bottom'], 'flow') === 'bottom';
    const spaceBefore = a.length('space-before', 0, em, this.linePitch);
    a.done();
    const parts = new Map(this.elements(element).map((child) => [child.name, child]));
    const part = (name: string): TextSpan => {
      const child = parts.get(name);
      if (!child) throw new LayoutSpecError(element, `<signature> needs an <${name}> child`);
      new Attributes(child).done();
      const text = this.spans(child, style)
        .map((s) => s.text)
        .join('');
      if (text.includes('\n'))
        throw new LayoutSpecError(child, `<${name}> is a single line: <br/> is not allowed in it`);
      return { text, style, line: child.line };
    };
    for (const name of parts.keys()) {
      if (name !== 'authority' && name !== 'date' && name !== 'signatory') {
        throw new LayoutSpecError(
          element,
          `<signature> holds <signatory> (optional), <authority> and <date>, not <${name}>`,
        );
      }
    }
    const signatory = parts.has('signatory') ? part('signatory') : undefined;
    return {
      type: 'signature',
      signatory: signatory?.text ? signatory : undefined,
      authority: part('authority'),
      date: part('date'),
      style,
      rightInset,
      seal,
      pinToBottom,
      spaceBefore,
      line: element.line,
    };
  }

  /** What every <qr> has: value, size, the caption under it and its style, align. */
  private qrCode(a: Attributes, element: MarkupElement): QrCodeSpec {
    a.choice('position', ['flow', 'page'], 'flow');
    const style = this.styleOf(a, element);
    const caption = a.string('caption')?.trim();
    const size = a.length('size', 0, style.size, this.linePitch);
    if (size <= 0) a.fail('"size" is required: the width of the symbol, e.g. 20mm');
    return {
      value: a.required('value'),
      size,
      caption: caption ? { text: caption, style, line: element.line } : undefined,
      align: a.choice('align', ['left', 'center', 'right'], 'left'),
      line: element.line,
    };
  }

  /** The most a code and its caption can take: the widest quiet zone between them. */
  private static qrHeight(code: QrCodeSpec): number {
    return code.size * (1 + WIDEST_QUIET_ZONE) + (code.caption?.style.leading ?? 0);
  }

  private flowQr(element: MarkupElement): QrBlock {
    const a = new Attributes(element);
    const code = this.qrCode(a, element);
    const em = code.caption?.style.size ?? 16;
    const height = a.string('height') === undefined ? undefined : a.length('height', 0, em, this.linePitch);
    if (height !== undefined && height < LayoutBuilder.qrHeight(code))
      a.fail(`height="${a.string('height')}" cannot hold the code and its caption`);
    const block: QrBlock = {
      type: 'qr',
      ...code,
      height,
      spaceBefore: a.length('space-before', 0, em, this.linePitch),
      spaceAfter: a.length('space-after', 0, em, this.linePitch),
    };
    a.done();
    return block;
  }

  private placedQr(element: MarkupElement): PlacedQr {
    const a = new Attributes(element);
    const code = this.qrCode(a, element);
    const em = code.caption?.style.size ?? 16;
    const length = (name: string) => a.length(name, Number.NaN, em, this.linePitch);
    const [left, top, bottom] = [length('left'), length('top'), length('bottom')];
    if (Number.isNaN(left) || Number.isNaN(top) === Number.isNaN(bottom))
      a.fail('position="page" needs "left" and one of "top" or "bottom", from the paper\'s edges');
    a.done();
    return { ...code, left, from: Number.isNaN(top) ? { bottom } : { top } };
  }

  /** <p position="page">: one line, never broken, at a place measured from the paper's edges. */
  private placedLine(element: MarkupElement): PlacedLine {
    const a = new Attributes(element);
    a.choice('position', ['page'], 'page');
    const style = this.styleOf(a, element);
    const length = (name: string) => a.length(name, Number.NaN, style.size, this.linePitch);
    const [left, width, top, bottom] = [length('left'), length('width'), length('top'), length('bottom')];
    if (Number.isNaN(left) || Number.isNaN(width) || Number.isNaN(top) === Number.isNaN(bottom))
      a.fail('position="page" needs "left", "width" and one of "top" or "bottom", from the paper\'s edges');
    const line: PlacedLine = {
      text: this.spans(element, style)
        .map((span) => span.text)
        .join(''),
      style,
      align: a.choice('align', ['left', 'center', 'right'], 'left'),
      left,
      width,
      from: Number.isNaN(top) ? { bottom } : { top },
    };
    a.done();
    return line;
  }

  private image(element: MarkupElement): Block {
    const a = new Attributes(element);
    const src = a.required('src');
    const path = normalize(join(this.assetsDir, src));
    if (!path.startsWith(join(normalize(this.assetsDir), sep)))
      a.fail(`src="${src}" must stay inside the assets folder`);
    const format = src.toLowerCase().endsWith('.png')
      ? 'png'
      : /\.jpe?g$/i.test(src)
        ? 'jpeg'
        : a.fail('src must be a .png or .jpg file');
    let bytes = this.images.get(path);
    try {
      bytes ??= readFileSync(path);
    } catch {
      return a.fail(`image ${src} not found in ${this.assetsDir}`);
    }
    // One object per file: the PDF writer embeds each distinct image once.
    this.images.set(path, bytes);
    const block: Block = {
      type: 'image',
      bytes,
      format,
      width: a.length('width', 0, 16, this.linePitch),
      height: a.length('height', 0, 16, this.linePitch),
      align: a.choice('align', ALIGNS, 'center'),
      spaceBefore: a.length('space-before', 0, 16, this.linePitch),
      spaceAfter: a.length('space-after', 0, 16, this.linePitch),
    };
    if (block.width <= 0 || block.height <= 0) a.fail('"width" and "height" are required lengths');
    a.done();
    return block;
  }
}

export function buildLayout(root: MarkupElement, assetsDir: string): LayoutDocument {
  return new LayoutBuilder(assetsDir).build(root);
}
