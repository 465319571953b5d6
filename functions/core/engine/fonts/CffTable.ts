import { FontConfigurationError } from '../../errors.js';

/** A CIDFont's character collection (its ROS): a PDF's CIDSystemInfo repeats it. */
export interface CidSystemInfo {
  readonly registry: string;
  readonly ordering: string;
  readonly supplement: number;
}

/** Strings with a SID below this are CFF's predefined ones; the font's own follow. */
const STANDARD_STRING_COUNT = 391;
const OPERATOR_ROS = 0x0c1e;
const OPERATOR_CHARSET = 15;
const OPERATOR_CHARSTRINGS = 17;

interface CffIndex {
  /** Offsets of each item's start in the table, plus the end of the last one. */
  readonly bounds: number[];
  /** Where the byte after the index lies. */
  readonly end: number;
}

/**
 * A font's CFF table (the bare "Compact Font Format" program a PDF embeds as CIDFontType0C), read
 * for what embedding needs: whether it is CID-keyed, its ROS, and which CID each glyph carries.
 * A PDF selects a CID-keyed font's glyphs by CID through the charset; a name-keyed font's CIDs are
 * its glyph ids (PDF 32000-1 §9.7.4.2).
 */
export class CffTable {
  readonly glyphCount: number;
  /** The ROS of a CID-keyed font; undefined for a name-keyed one. */
  readonly systemInfo: CidSystemInfo | undefined;
  private readonly view: DataView;
  private readonly cids: Uint16Array | undefined;

  constructor(
    readonly bytes: Uint8Array,
    readonly source: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      if (this.view.getUint8(0) !== 1) throw new Error(`CFF version ${this.view.getUint8(0)}, not 1`);
      const names = this.readIndex(this.view.getUint8(2));
      const topDicts = this.readIndex(names.end);
      const strings = this.readIndex(topDicts.end);
      const top = this.readDict(topDicts.bounds[0]!, topDicts.bounds[1]!);
      const charStrings = top.get(OPERATOR_CHARSTRINGS)?.[0];
      if (charStrings === undefined) throw new Error('no CharStrings');
      this.glyphCount = this.view.getUint16(charStrings);
      const ros = top.get(OPERATOR_ROS);
      if (ros === undefined) {
        this.systemInfo = undefined;
      } else {
        this.systemInfo = {
          registry: this.readString(strings, ros[0]!) ?? 'Adobe',
          ordering: this.readString(strings, ros[1]!) ?? 'Identity',
          supplement: ros[2]!,
        };
        this.cids = this.readCharset(top.get(OPERATOR_CHARSET)?.[0] ?? 0);
      }
    } catch (error) {
      if (error instanceof FontConfigurationError) throw error;
      throw new FontConfigurationError(`${source}: unreadable CFF table (${(error as Error).message})`);
    }
  }

  get cidKeyed(): boolean {
    return this.systemInfo !== undefined;
  }

  /** The CID a PDF selects the glyph with. */
  cidOf(glyphId: number): number {
    if (!this.cids) return glyphId;
    const cid = this.cids[glyphId];
    if (cid === undefined) throw new FontConfigurationError(`${this.source}: no glyph ${glyphId} in the CFF table`);
    return cid;
  }

  private readIndex(at: number): CffIndex {
    const count = this.view.getUint16(at);
    if (count === 0) return { bounds: [], end: at + 2 };
    const offSize = this.view.getUint8(at + 2);
    const dataBase = at + 2 + 1 + (count + 1) * offSize - 1;
    const bounds: number[] = [];
    for (let i = 0; i <= count; i++) {
      let offset = 0;
      for (let b = 0; b < offSize; b++) offset = offset * 256 + this.view.getUint8(at + 3 + i * offSize + b);
      bounds.push(dataBase + offset);
    }
    return { bounds, end: bounds[count]! };
  }

  private readString(strings: CffIndex, sid: number): string | undefined {
    const item = sid - STANDARD_STRING_COUNT;
    if (item < 0 || item + 1 >= strings.bounds.length) return undefined;
    return String.fromCharCode(...this.bytes.subarray(strings.bounds[item]!, strings.bounds[item + 1]!));
  }

  /** A DICT's operators (12 x as 0x0c00 + x) with their operands. */
  private readDict(start: number, end: number): Map<number, number[]> {
    const dict = new Map<number, number[]>();
    let operands: number[] = [];
    let at = start;
    while (at < end) {
      const b0 = this.view.getUint8(at++);
      if (b0 <= 21) {
        const operator = b0 === 12 ? 0x0c00 + this.view.getUint8(at++) : b0;
        dict.set(operator, operands);
        operands = [];
      } else if (b0 === 28) {
        operands.push(this.view.getInt16(at));
        at += 2;
      } else if (b0 === 29) {
        operands.push(this.view.getInt32(at));
        at += 4;
      } else if (b0 === 30) {
        // A real number, nibble by nibble up to an 0xf one: none of the operators read here takes one.
        let byte: number;
        do byte = this.view.getUint8(at++);
        while ((byte & 0x0f) !== 0x0f && byte >> 4 !== 0x0f);
        operands.push(Number.NaN);
      } else if (b0 <= 246) {
        operands.push(b0 - 139);
      } else if (b0 <= 250) {
        operands.push((b0 - 247) * 256 + this.view.getUint8(at++) + 108);
      } else if (b0 <= 254) {
        operands.push(-(b0 - 251) * 256 - this.view.getUint8(at++) - 108);
      } else {
        throw new Error(`reserved DICT byte ${b0}`);
      }
    }
    return dict;
  }

  /** Each glyph's CID, from the charset (formats 0, 1 and 2); glyph 0 is CID 0. */
  private readCharset(at: number): Uint16Array {
    if (at === 0) throw new Error('a CID-keyed font without a charset');
    const cids = new Uint16Array(this.glyphCount);
    const format = this.view.getUint8(at);
    let glyph = 1;
    let cursor = at + 1;
    if (format === 0) {
      for (; glyph < this.glyphCount; glyph++, cursor += 2) cids[glyph] = this.view.getUint16(cursor);
    } else if (format === 1 || format === 2) {
      while (glyph < this.glyphCount) {
        const first = this.view.getUint16(cursor);
        const left = format === 1 ? this.view.getUint8(cursor + 2) : this.view.getUint16(cursor + 2);
        cursor += format === 1 ? 3 : 4;
        for (let i = 0; i <= left && glyph < this.glyphCount; i++) cids[glyph++] = first + i;
      }
    } else {
      throw new Error(`charset format ${format}`);
    }
    return cids;
  }
}
