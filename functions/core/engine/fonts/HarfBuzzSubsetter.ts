import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FontConfigurationError, SubsettingError } from '../../errors.js';

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthOut: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  hb_subset_preprocess(face: number): number;
}

// hb-subset.h constants.
const MEMORY_MODE_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAGS_NO_HINTING = 0x1;

/**
 * Memory each module instance keeps free for hb-subset's own work, beside the fonts copied into
 * it: subsetting 400 characters of a CJK CFF font takes 2–4 MB, of a TrueType one about 1 MB.
 */
const SUBSET_HEADROOM = 8 << 20;

/**
 * Tables a PDF viewer never reads from an embedded font program (a TrueType font, or the CFF
 * table of an OpenType one): layout (shaping is done before embedding), vertical metrics and
 * signatures. Dropping them also skips hb-subset's layout closure, which is most of its work on a
 * CJK font.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'DSIG', 'meta'];

function tag(name: string): number {
  return (
    ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0
  );
}

/**
 * Subsets of one face before it is preprocessed. hb-subset's preprocessing builds, once, the
 * tables it otherwise rebuilds on every subset (the cmap's reverse map, glyph offsets): a subset
 * then takes about half as long (~0.6 → ~0.3 ms for a certificate's Noto Serif SC here). It costs
 * ~0.5 s and a second copy of the font in the module's heap, which would double a cold start, so
 * only a face in steady use gets it; it has paid for itself after some 1,500 more subsets.
 */
export const PREPROCESS_AFTER_SUBSETS = 64;

/** A face kept loaded inside a HarfBuzz module instance, ready to be subset many times. */
export interface SubsettableFace {
  readonly pointer: number;
  readonly source: string;
  /** Which module instance holds it. */
  readonly instance: number;
  readonly faceIndex: number;
}

/** How a face is subset now: how often so far, and through which (possibly preprocessed) face. */
interface FaceUse {
  subsets: number;
  pointer: number;
  instance: number;
}

/**
 * HarfBuzz's hb-subset compiled to WebAssembly. Each font is copied into the module once per
 * process; a subset then costs well under a millisecond, where re-parsing the font per document
 * (what pdf-lib's fontkit path does) costs tens of milliseconds and corrupts some CJK fonts.
 * The module's heap cannot grow (65 MB in harfbuzzjs 1.6), so a font that does not fit beside
 * those already loaded goes to another instance of the module.
 */
export class HarfBuzzSubsetter {
  private static instance: HarfBuzzSubsetter | undefined;

  static shared(): HarfBuzzSubsetter {
    HarfBuzzSubsetter.instance ??= new HarfBuzzSubsetter(HarfBuzzSubsetter.compileModule());
    return HarfBuzzSubsetter.instance;
  }

  private static compileModule(): WebAssembly.Module {
    const path =
      process.env.HB_SUBSET_WASM ?? createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    return new WebAssembly.Module(readFileSync(path));
  }

  private readonly instances: SubsetExports[] = [];
  private readonly uses = new Map<SubsettableFace, FaceUse>();

  private constructor(private readonly module: WebAssembly.Module) {}

  /** `faceIndex` picks a face of a collection (.ttc, .otc). */
  loadFace(bytes: Uint8Array, source: string, faceIndex = 0, extraRoom = 0): SubsettableFace {
    const instance = this.instanceWithRoomFor(bytes.byteLength + extraRoom, source);
    const hb = this.instances[instance]!;
    const data = hb.malloc(bytes.byteLength);
    new Uint8Array(hb.memory.buffer, data, bytes.byteLength).set(bytes);
    // The blob borrows the copy for the life of the process, as the face does.
    const blob = hb.hb_blob_create(data, bytes.byteLength, MEMORY_MODE_READONLY, 0, 0);
    return { pointer: hb.hb_face_create(blob, faceIndex), source, instance, faceIndex };
  }

  /** Whether the face is now subset from its preprocessed copy. */
  isPreprocessed(face: SubsettableFace): boolean {
    const use = this.uses.get(face);
    return use !== undefined && use.pointer !== face.pointer;
  }

  /** How many module instances hold the fonts loaded so far. */
  get instanceCount(): number {
    return this.instances.length;
  }

  /** The first instance with room for a font of this size and subsetting beside it, a new one if none has. */
  private instanceWithRoomFor(size: number, source: string): number {
    const hasRoom = (hb: SubsetExports) => {
      const probe = hb.malloc(size + SUBSET_HEADROOM);
      if (probe === 0) return false;
      hb.free(probe);
      return true;
    };
    const found = this.instances.findIndex(hasRoom);
    if (found >= 0) return found;
    const fresh = new WebAssembly.Instance(this.module, {}).exports as unknown as SubsetExports;
    if (!hasRoom(fresh)) {
      const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
      throw new FontConfigurationError(
        `${source}: ${megabytes(size)} is more than HarfBuzz's ${megabytes(fresh.memory.buffer.byteLength)} heap ` +
          'can hold with room to subset; configure a smaller font file',
      );
    }
    this.instances.push(fresh);
    return this.instances.length - 1;
  }

  /**
   * Where the face is subset now: the loaded face, or once it has been subset often, a
   * preprocessed copy — the same font (hb-subset's output is byte for byte the same from either),
   * made from a second copy of the file in an instance with room for it (a new one if none has).
   */
  private faceToSubset(face: SubsettableFace): FaceUse {
    let use = this.uses.get(face);
    if (use === undefined) {
      use = { subsets: 0, pointer: face.pointer, instance: face.instance };
      this.uses.set(face, use);
    }
    use.subsets++;
    if (use.subsets === PREPROCESS_AFTER_SUBSETS) {
      const hb = this.instances[face.instance]!;
      const blob = hb.hb_face_reference_blob(face.pointer);
      const length = hb.hb_blob_get_length(blob);
      const file = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length).slice();
      hb.hb_blob_destroy(blob);
      // The preprocessed face is about the file's size again (long glyph offsets) plus its maps.
      const copy = this.loadFace(file, face.source, face.faceIndex, 2 * length);
      const target = this.instances[copy.instance]!;
      const preprocessed = target.hb_subset_preprocess(copy.pointer);
      // hb-subset gives back the face itself when it could not preprocess it: then the first copy serves.
      if (preprocessed !== copy.pointer) Object.assign(use, { pointer: preprocessed, instance: copy.instance });
    }
    return use;
  }

  /** A font of the same outline format holding just the given characters' glyphs (plus .notdef). */
  subset(face: SubsettableFace, codePoints: Iterable<number>): Uint8Array {
    const use = this.faceToSubset(face);
    const hb = this.instances[use.instance]!;
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new SubsettingError('hb-subset: out of memory creating a subset input');
    try {
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
      const dropped = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
      for (const name of DROPPED_TABLES) hb.hb_set_add(dropped, tag(name));
      hb.hb_set_clear(hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG));
      hb.hb_subset_input_set_flags(input, FLAGS_NO_HINTING);
      const result = hb.hb_subset_or_fail(use.pointer, input);
      if (result === 0) throw new SubsettingError(`hb-subset failed for ${face.source}`);
      const blob = hb.hb_face_reference_blob(result);
      const length = hb.hb_blob_get_length(blob);
      const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length).slice();
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(result);
      return bytes;
    } finally {
      hb.hb_subset_input_destroy(input);
    }
  }
}
