import { FontConfigurationError } from '../../errors.js';

/** Metrics a PDF font descriptor needs, in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  weightClass: number;
  isFixedPitch: boolean;
}

interface TableRecord {
  offset: number;
  length: number;
}

/** How a font draws its glyphs, which decides how a PDF embeds it. */
export type OutlineFormat = 'truetype' | 'cff';

const SUPPORTED =
  'configure a static OpenType font with TrueType (glyf) or CFF outlines: .ttf, .otf, or one face of a .ttc/.otc';

const TAG_TRUE = 0x74727565;
const TAG_OTTO = 0x4f54544f;
const TAG_TTCF = 0x74746366;
const TAG_WOFF = 0x774f4646;
const TAG_WOFF2 = 0x774f4632;

/**
 * An OpenType font — TrueType (glyf) or CFF outlines, alone or one face of a collection — read
 * just far enough to measure text: the character map, horizontal advances and the metrics a PDF
 * needs. Lookups read the file's own tables on demand, so opening a 15 MB CJK font costs a table
 * directory, not a full parse.
 */
export class OpenTypeFont {
  readonly metrics: FontMetrics;
  readonly postScriptName: string;
  readonly outlines: OutlineFormat;
  private readonly view: DataView;
  private readonly tables: Map<string, TableRecord>;
  private readonly cmapLookup: (codePoint: number) => number;
  private readonly hmtxOffset: number;
  private readonly numberOfHMetrics: number;
  private readonly glyphCache = new Map<number, number>();

  /** `faceIndex` picks a face of a collection (.ttc, .otc); a single font takes none or 0. */
  constructor(
    readonly bytes: Uint8Array,
    readonly source: string,
    readonly faceIndex?: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.tables = this.readTableDirectory(this.faceOffset());
    for (const required of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) {
      if (!this.tables.has(required)) {
        throw new FontConfigurationError(`${source}: no "${required}" table, so not a usable font; ${SUPPORTED}`);
      }
    }
    this.outlines = this.outlineFormat();
    const head = this.table('head').offset;
    const hhea = this.table('hhea').offset;
    const os2 = this.tables.get('OS/2')?.offset;
    const post = this.tables.get('post')?.offset;
    this.metrics = {
      unitsPerEm: this.view.getUint16(head + 18),
      bbox: [
        this.view.getInt16(head + 36),
        this.view.getInt16(head + 38),
        this.view.getInt16(head + 40),
        this.view.getInt16(head + 42),
      ],
      ascent: this.view.getInt16(hhea + 4),
      descent: this.view.getInt16(hhea + 6),
      capHeight:
        os2 !== undefined && this.view.getUint16(os2) >= 2
          ? this.view.getInt16(os2 + 88)
          : this.view.getInt16(hhea + 4),
      weightClass: os2 === undefined ? 400 : this.view.getUint16(os2 + 4),
      italicAngle: post === undefined ? 0 : this.view.getInt32(post + 4) / 65536,
      isFixedPitch: post === undefined ? false : this.view.getUint32(post + 12) !== 0,
    };
    this.numberOfHMetrics = this.view.getUint16(hhea + 34);
    this.hmtxOffset = this.table('hmtx').offset;
    this.cmapLookup = this.selectCmapSubtable();
    this.postScriptName = this.readPostScriptName() ?? source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  }

  /** The glyph for a code point, or 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number {
    let glyph = this.glyphCache.get(codePoint);
    if (glyph === undefined) {
      glyph = this.cmapLookup(codePoint);
      this.glyphCache.set(codePoint, glyph);
    }
    return glyph;
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyphId(codePoint) !== 0;
  }

  /** Advance width of a glyph in font units. */
  advanceWidth(glyphId: number): number {
    const index = Math.min(glyphId, this.numberOfHMetrics - 1);
    return this.view.getUint16(this.hmtxOffset + index * 4);
  }

  /** The raw bytes of a table (e.g. "CFF "), or undefined when the font has none. */
  tableBytes(tag: string): Uint8Array | undefined {
    const record = this.tables.get(tag);
    return record && this.bytes.subarray(record.offset, record.offset + record.length);
  }

  private table(tag: string): TableRecord {
    const record = this.tables.get(tag);
    if (!record) throw new FontConfigurationError(`${this.source}: no "${tag}" table`);
    return record;
  }

  private outlineFormat(): OutlineFormat {
    if (this.tables.has('glyf') && this.tables.has('loca')) return 'truetype';
    if (this.tables.has('CFF ')) return 'cff';
    const found = this.tables.has('CFF2') ? 'CFF2 outlines (a variable font)' : 'no glyf or CFF outlines';
    throw new FontConfigurationError(`${this.source}: ${found} cannot be embedded; ${SUPPORTED}`);
  }

  /** Where the face's table directory starts: 0 for a single font, from the header for a collection. */
  private faceOffset(): number {
    if (this.bytes.byteLength < 12) {
      throw new FontConfigurationError(`${this.source}: file too short to be a font`);
    }
    const version = this.view.getUint32(0);
    if (version === TAG_WOFF || version === TAG_WOFF2) {
      throw new FontConfigurationError(`${this.source}: a WOFF web font; ${SUPPORTED}`);
    }
    if (version !== TAG_TTCF) {
      if (version !== 0x00010000 && version !== TAG_TRUE && version !== TAG_OTTO) {
        throw new FontConfigurationError(`${this.source}: not an OpenType font; ${SUPPORTED}`);
      }
      if (this.faceIndex !== undefined && this.faceIndex !== 0) {
        throw new FontConfigurationError(
          `${this.source}: face ${this.faceIndex} asked of a font that is not a collection`,
        );
      }
      return 0;
    }
    const count = this.view.getUint32(8);
    if (this.faceIndex === undefined || this.faceIndex >= count) {
      const faces = Array.from({ length: count }, (_, i) => `${i} ${this.facePostScriptName(i) ?? '?'}`).join(', ');
      const problem = this.faceIndex === undefined ? 'name one' : `it has no face ${this.faceIndex}; name one`;
      throw new FontConfigurationError(
        `${this.source}: a collection of ${count} faces (${faces}): ${problem} as "file#index"`,
      );
    }
    return this.view.getUint32(12 + this.faceIndex * 4);
  }

  private facePostScriptName(index: number): string | undefined {
    try {
      return new OpenTypeFont(this.bytes, this.source, index).postScriptName;
    } catch {
      return undefined;
    }
  }

  private readTableDirectory(at: number): Map<string, TableRecord> {
    const count = this.view.getUint16(at + 4);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < count; i++) {
      const record = at + 12 + i * 16;
      const tag = String.fromCharCode(
        this.view.getUint8(record),
        this.view.getUint8(record + 1),
        this.view.getUint8(record + 2),
        this.view.getUint8(record + 3),
      );
      tables.set(tag, { offset: this.view.getUint32(record + 8), length: this.view.getUint32(record + 12) });
    }
    return tables;
  }

  /** Prefers a full-Unicode (format 12) subtable, so characters beyond the BMP are found. */
  private selectCmapSubtable(): (codePoint: number) => number {
    const cmap = this.table('cmap').offset;
    const count = this.view.getUint16(cmap + 2);
    let format4: number | undefined;
    let format12: number | undefined;
    for (let i = 0; i < count; i++) {
      const platform = this.view.getUint16(cmap + 4 + i * 8);
      const encoding = this.view.getUint16(cmap + 6 + i * 8);
      const offset = cmap + this.view.getUint32(cmap + 8 + i * 8);
      const format = this.view.getUint16(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12) format12 ??= offset;
      if (format === 4) format4 ??= offset;
    }
    if (format12 !== undefined) return (cp) => this.lookupFormat12(format12, cp);
    if (format4 !== undefined) return (cp) => this.lookupFormat4(format4, cp);
    throw new FontConfigurationError(`${this.source}: no Unicode character map (cmap format 4 or 12)`);
  }

  private lookupFormat12(table: number, codePoint: number): number {
    let low = 0;
    let high = this.view.getUint32(table + 12) - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const group = table + 16 + mid * 12;
      const start = this.view.getUint32(group);
      const end = this.view.getUint32(group + 4);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > end) low = mid + 1;
      else return this.view.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  }

  private lookupFormat4(table: number, codePoint: number): number {
    if (codePoint > 0xffff) return 0;
    const segments = this.view.getUint16(table + 6) / 2;
    const endCodes = table + 14;
    const startCodes = endCodes + segments * 2 + 2;
    const deltas = startCodes + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    let low = 0;
    let high = segments - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const end = this.view.getUint16(endCodes + mid * 2);
      const start = this.view.getUint16(startCodes + mid * 2);
      if (codePoint > end) low = mid + 1;
      else if (codePoint < start) high = mid - 1;
      else {
        const delta = this.view.getInt16(deltas + mid * 2);
        const rangeOffset = this.view.getUint16(rangeOffsets + mid * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyphAt = rangeOffsets + mid * 2 + rangeOffset + (codePoint - start) * 2;
        const glyph = this.view.getUint16(glyphAt);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  }

  private readPostScriptName(): string | undefined {
    const name = this.tables.get('name');
    if (!name) return undefined;
    const count = this.view.getUint16(name.offset + 2);
    const strings = name.offset + this.view.getUint16(name.offset + 4);
    for (let i = 0; i < count; i++) {
      const record = name.offset + 6 + i * 12;
      const platform = this.view.getUint16(record);
      const nameId = this.view.getUint16(record + 6);
      if (nameId !== 6) continue;
      const length = this.view.getUint16(record + 8);
      const start = strings + this.view.getUint16(record + 10);
      const raw = this.bytes.subarray(start, start + length);
      const text = platform === 1 ? String.fromCharCode(...raw) : new TextDecoder('utf-16be').decode(raw);
      const clean = text.replace(/[^\x21-\x7e]/g, '').replace(/[[\](){}<>/%]/g, '');
      if (clean) return clean;
    }
    return undefined;
  }
}
