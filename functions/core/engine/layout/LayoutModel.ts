import type { FontRole } from '../fonts/fontConfig.js';

/**
 * The declarative layout a template describes, after parsing: what the typesetter works from.
 * All lengths are in PDF points (1/72 inch); colours are RGB in 0..1.
 */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
  readonly name: string;
  readonly font: FontRole;
  readonly size: number;
  readonly color: Rgb;
  /** Added to every character's advance; negative tightens (the GB/T 9704 grid needs −0.25 pt). */
  readonly tracking: number;
  /** Baseline-to-baseline distance. */
  readonly leading: number;
  /** ¼ em between Han characters and Latin letters or digits (clreq). */
  readonly autospace: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextSpan {
  readonly text: string;
  readonly style: TextStyle;
  /** Source line of the template, for errors. */
  readonly line: number;
}

export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly spans: readonly TextSpan[];
  readonly style: TextStyle;
  readonly align: Align;
  readonly firstLineIndent: number;
  readonly leftIndent: number;
  readonly rightIndent: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Titles: break into lines of at most this many characters, balanced, never a rectangle. */
  readonly titleMaxChars: number | undefined;
  /**
   * Fit policy of a one-line box (the red issuing-authority mark): too long for one line, its
   * type shrinks down to this size; longer still, it keeps its size and breaks between words
   * over balanced lines.
   */
  readonly shrinkTo: number | undefined;
  readonly keepWithNext: boolean;
  readonly line: number;
}

export interface RuleBlock {
  readonly type: 'rule';
  readonly thickness: number;
  readonly color: Rgb;
  /** Width of the rule; undefined spans the body width. */
  readonly width: number | undefined;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** A second, thinner rule below (the 版记 pair). */
  readonly double: boolean;
}

export interface SpaceBlock {
  readonly type: 'space';
  readonly height: number;
}

export interface TableColumn {
  /**
   * Fixed width in points; a share of the remaining width; or sized from its content — as wide
   * as its widest cell set on one line, within [min, max] (a 姓名 column).
   */
  readonly width:
    | { readonly fixed: number }
    | { readonly fraction: number }
    | { readonly content: { readonly min: number; readonly max: number } };
  readonly align: Align;
  /** Cells hold names: never broken inside a word, only between words when wider than the column. */
  readonly keepWhole: boolean;
}

export interface TableCell {
  readonly spans: readonly TextSpan[];
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly header: boolean;
}

export interface TableBlock {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly style: TextStyle;
  readonly headerStyle: TextStyle;
  readonly ruleColor: Rgb;
  readonly ruleThickness: number;
  readonly cellPadding: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly line: number;
}

export interface BarChartBar {
  readonly label: string;
  readonly value: number;
}

export interface BarChartBlock {
  readonly type: 'bar-chart';
  readonly bars: readonly BarChartBar[];
  readonly style: TextStyle;
  readonly barColor: Rgb;
  readonly barHeight: number;
  readonly gap: number;
  readonly labelWidth: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly line: number;
}

export interface SealSpec {
  readonly text: string;
  readonly diameter: number;
  readonly color: Rgb;
  readonly style: TextStyle;
}

export interface SignatureBlock {
  readonly type: 'signature';
  /** Who signs (职务 and name, 厅长　衡晓帆): a line above the authority, ending where it ends. */
  readonly signatory: TextSpan | undefined;
  readonly authority: TextSpan;
  readonly date: TextSpan;
  readonly style: TextStyle;
  /** Distance of the date's right end from the body's right edge. */
  readonly rightInset: number;
  readonly seal: SealSpec | undefined;
  /** Pinned to the bottom of the body area (certificates) instead of following the text. */
  readonly pinToBottom: boolean;
  readonly spaceBefore: number;
  readonly line: number;
}

export interface ImageBlock {
  readonly type: 'image';
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  readonly align: Align;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
}

/**
 * 版记 (GB/T 9704 §7.4): at the foot of the last page, 抄送 (continued lines aligned after its
 * label) and 印发机关 with 印发日期, between rules as wide as the text area — the first and last
 * thick, those between thin, the last on the text area's bottom line. Parts left empty take no line.
 */
export interface ColophonBlock {
  readonly type: 'colophon';
  readonly style: TextStyle;
  /** 抄送： and the bodies, e.g. 公安部政治部，自治区党委政法委。 */
  readonly copyTo: { readonly label: string; readonly text: TextSpan } | undefined;
  readonly printedBy: TextSpan | undefined;
  /** 2020年2月5日印发 */
  readonly printedOn: TextSpan | undefined;
  /** 1 character in from each side. */
  readonly inset: number;
  readonly thickRule: number;
  readonly thinRule: number;
  readonly color: Rgb;
  readonly line: number;
}

/**
 * A QR code (ISO/IEC 18004), drawn as vectors in black, with one line of text under it (the
 * verification code it carries, so that it can be typed). Its quiet zone of 4 modules lies
 * outside `size` and must stay blank; the caption sits below it.
 */
export interface QrCodeSpec {
  readonly value: string;
  /** Width of the symbol's modules, the quiet zone excluded. */
  readonly size: number;
  readonly caption: TextSpan | undefined;
  /** Where the symbol sits in the body area (in the flow); and how the caption lines up with the symbol. */
  readonly align: 'left' | 'center' | 'right';
  readonly line: number;
}

/** A QR code in the flow of the text. */
export interface QrBlock extends QrCodeSpec {
  readonly type: 'qr';
  /** The room it takes in the flow (the 版头's 35 mm above the red mark); undefined: its own height. */
  readonly height: number | undefined;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
}

/**
 * A QR code at a fixed place on the section's first page, off the flow (a certificate's lower left
 * corner, inside its frame): its symbol's left edge, and its top or the caption's bottom, from the
 * paper's edges.
 */
export interface PlacedQr extends QrCodeSpec {
  readonly left: number;
  readonly from: { readonly top: number } | { readonly bottom: number };
}

/**
 * One line of text at a fixed place on the section's first page, off the flow (a certificate's
 * number in its lower right corner): its box's left edge and width, and its baseline's box top or
 * bottom, from the paper's edges.
 */
export interface PlacedLine {
  readonly text: string;
  readonly style: TextStyle;
  readonly align: Align;
  readonly left: number;
  readonly width: number;
  readonly from: { readonly top: number } | { readonly bottom: number };
}

export type Block =
  | QrBlock
  | ParagraphBlock
  | RuleBlock
  | SpaceBlock
  | TableBlock
  | BarChartBlock
  | SignatureBlock
  | ImageBlock
  | ColophonBlock;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface BorderDecoration {
  /** Distance of the outer frame from the paper edge. */
  readonly inset: number;
  readonly color: Rgb;
  readonly outerWidth: number;
  /** A thinner inner frame this far inside the outer one; 0 draws none. */
  readonly innerGap: number;
  readonly innerWidth: number;
}

export interface PageNumbering {
  readonly style: TextStyle;
  /** Distance of the number's dashes below the body area. */
  readonly offset: number;
  /** GB/T 9704: odd pages at the right, even at the left, one character in from the edge. */
  readonly inset: number;
  /** Print numbers only when the section runs over one page. */
  readonly onlyWhenMultiple: boolean;
}

export interface Section {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
  readonly border: BorderDecoration | undefined;
  readonly pageNumbers: PageNumbering | undefined;
  /** Some documents (a certificate) must fit one sheet: running over is an error, not a new page. */
  readonly maxPages: number | undefined;
  /**
   * Fit policy of a section limited to max-pages (a certificate with a long deed): the text of
   * this style shrinks, by half points, down to this size before the record is refused.
   */
  readonly shrink: { readonly style: string; readonly minSize: number } | undefined;
  /** QR codes placed on the first page, off the flow. */
  readonly placedQrCodes: readonly PlacedQr[];
  /** Single lines placed on the first page, off the flow. */
  readonly placedLines: readonly PlacedLine[];
  readonly blocks: readonly Block[];
}

export interface DocumentMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly language: string;
  /** Creation and modification date: the record's approval time, so output is reproducible. */
  readonly date: Date;
  /** Stable identity of the document (record, kind, version), written as the PDF /ID. */
  readonly identity: string;
}

export interface LayoutDocument {
  readonly metadata: DocumentMetadata;
  /** Words never broken inside: the domain's terms and the record's names (<words>). */
  readonly words: readonly string[];
  readonly sections: readonly Section[];
}
