import { readFileSync } from 'node:fs';
import { FontConfigurationError } from '../../errors.js';
import {
  type FontConfig,
  type FontRole,
  loadFontConfig,
  parseFontEntry,
  resolveFontPath,
  withFontFile,
} from './fontConfig.js';
import { HarfBuzzSubsetter, type SubsettableFace } from './HarfBuzzSubsetter.js';
import { OpenTypeFont } from './OpenTypeFont.js';

/** One font (a file, or a face of a collection), measured in JavaScript and kept loaded in HarfBuzz for subsetting. */
export interface LoadedFont {
  /** The file, with "#index" for a face of a collection. */
  readonly key: string;
  readonly opentype: OpenTypeFont;
  readonly face: SubsettableFace;
}

/**
 * Loads each configured font file once per process, when a role first needs it, and answers
 * which font of a role's fallback list draws a character.
 */
export class FontRegistry {
  private static instance: FontRegistry | undefined;

  static shared(): FontRegistry {
    FontRegistry.instance ??= new FontRegistry(loadFontConfig());
    return FontRegistry.instance;
  }

  private readonly files = new Map<string, LoadedFont>();

  constructor(
    private readonly config: FontConfig,
    private readonly subsetter: HarfBuzzSubsetter = HarfBuzzSubsetter.shared(),
  ) {}

  get harfBuzz(): HarfBuzzSubsetter {
    return this.subsetter;
  }

  /** The first font of the role that has the character, loading fallbacks only when needed. */
  fontFor(role: FontRole, codePoint: number): LoadedFont | undefined {
    for (const entry of this.config[role]) {
      const font = this.load(entry);
      if (font.opentype.hasGlyph(codePoint)) return font;
    }
    return undefined;
  }

  /** The role's first font: the one whose metrics set the line. */
  primary(role: FontRole): LoadedFont {
    const first = this.config[role][0];
    if (first === undefined) throw new FontConfigurationError(`font role "${role}" has no font files`);
    return this.load(first);
  }

  private load(entry: string): LoadedFont {
    let font = this.files.get(entry);
    if (!font) {
      const path = resolveFontPath(entry);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        throw new FontConfigurationError(`cannot read font file ${path}: ${(error as Error).message}`);
      }
      const { faceIndex } = parseFontEntry(entry);
      const key = withFontFile(entry, path);
      const opentype = new OpenTypeFont(bytes, key, faceIndex);
      font = { key, opentype, face: this.subsetter.loadFace(bytes, key, faceIndex ?? 0) };
      this.files.set(entry, font);
    }
    return font;
  }
}
