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

/**
 * A TrueType (glyf-outline) font read just far enough to measure text: the character map,
 * horizontal advances and the metrics a PDF needs. Lookups read the file's own tables on
 * demand, so opening a 15 MB CJK font costs a table directory, not a full parse.
 */
export class TrueTypeFont {
  readonly metrics: FontMetrics;
  readonly postScriptName: string;
  private readonly view: DataView;
  private readonly tables: Map<string, TableRecord>;
  private readonly cmapLookup: (codePoint: number) => number;
  private readonly hmtxOffset: number;
  private readonly numberOfHMetrics: number;
  private readonly glyphCache = new Map<number, number>();

  constructor(
    readonly bytes: Uint8Array,
    readonly source: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.tables = this.readTableDirectory();
    for (const required of ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'glyf', 'loca']) {
      if (!this.tables.has(required)) {
        throw new FontConfigurationError(
          `${source}: not a TrueType-outline font (no "${required}" table); configure a .ttf with glyf outlines`,
        );
      }
    }
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

  private table(tag: string): TableRecord {
    const record = this.tables.get(tag);
    if (!record) throw new FontConfigurationError(`${this.source}: no "${tag}" table`);
    return record;
  }

  private readTableDirectory(): Map<string, TableRecord> {
    if (this.bytes.byteLength < 12) {
      throw new FontConfigurationError(`${this.source}: file too short to be a font`);
    }
    const version = this.view.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565) {
      throw new FontConfigurationError(
        `${this.source}: not a TrueType font (a collection, CFF/OTF or WOFF file needs converting to .ttf)`,
      );
    }
    const count = this.view.getUint16(4);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(
        this.view.getUint8(at),
        this.view.getUint8(at + 1),
        this.view.getUint8(at + 2),
        this.view.getUint8(at + 3),
      );
      tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
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
