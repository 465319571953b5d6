import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { FontConfigurationError } from '../../errors.js';

/**
 * Typographic roles a template asks for, named as Chinese official documents name their faces.
 * Each role maps to an ordered list of font files (TrueType or OpenType/CFF outlines; a face of a
 * collection as "file.ttc#index"): the first that has a character draws it.
 */
export const FONT_ROLES = ['songti', 'fangsong', 'xiaobiaosong', 'heiti', 'kaiti'] as const;
export type FontRole = (typeof FONT_ROLES)[number];
export type FontConfig = Record<FontRole, readonly string[]>;

const serif = (weight: string) => `@expo-google-fonts/noto-serif-sc/${weight}/NotoSerifSC_${weight}.ttf`;
const sans = (weight: string) => `@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`;

/**
 * Open fonts installed from npm, the same for the Lambda functions and the local stack, so that
 * both draw every document alike. No open 仿宋, 小标宋 or 楷体 ships with TrueType outlines on npm,
 * so Noto Serif SC stands in for them (its Bold for the heavy 小标宋 of titles and marks); a
 * deployment with licensed faces points the roles at them through AWARD_FONTS or AWARD_FONTS_FILE.
 * Four files in all: 小标宋 falls back on the Sans Medium of 黑体 rather than a fifth file (a Sans
 * Bold), which keeps a Lambda asset under 64 MB.
 */
export const DEFAULT_FONT_CONFIG: FontConfig = {
  songti: [serif('400Regular'), sans('400Regular')],
  fangsong: [serif('400Regular'), sans('400Regular')],
  xiaobiaosong: [serif('700Bold'), sans('500Medium')],
  heiti: [sans('500Medium'), serif('700Bold')],
  kaiti: [serif('400Regular'), sans('400Regular')],
};

/**
 * The font configuration of this process: the defaults, with any roles overridden by
 * AWARD_FONTS (JSON) or AWARD_FONTS_FILE (a JSON file), e.g. {"fangsong": ["/opt/fonts/fs.otf"]}.
 */
export function loadFontConfig(env: NodeJS.ProcessEnv = process.env): FontConfig {
  const raw = env.AWARD_FONTS ?? (env.AWARD_FONTS_FILE ? readFileSync(env.AWARD_FONTS_FILE, 'utf8') : undefined);
  if (raw === undefined) return DEFAULT_FONT_CONFIG;
  let overrides: unknown;
  try {
    overrides = JSON.parse(raw);
  } catch (error) {
    throw new FontConfigurationError(`font configuration is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new FontConfigurationError('font configuration must be an object of role → list of font file paths');
  }
  const config: FontConfig = { ...DEFAULT_FONT_CONFIG };
  for (const [role, files] of Object.entries(overrides)) {
    if (!(FONT_ROLES as readonly string[]).includes(role)) {
      throw new FontConfigurationError(`font configuration: unknown role "${role}" (roles: ${FONT_ROLES.join(', ')})`);
    }
    if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string' && f)) {
      throw new FontConfigurationError(`font configuration: "${role}" must be a non-empty list of file paths`);
    }
    config[role as FontRole] = files as string[];
  }
  return config;
}

const require = createRequire(import.meta.url);

/** A font file of the configuration, and which face of it when it is a collection. */
export interface FontFileEntry {
  readonly file: string;
  readonly faceIndex: number | undefined;
}

/** "NotoSerifCJK-Regular.ttc#2" names face 2 of a collection; a file without "#index" is itself. */
export function parseFontEntry(entry: string): FontFileEntry {
  const match = /^(.*)#(\d+)$/.exec(entry);
  return match ? { file: match[1]!, faceIndex: Number(match[2]) } : { file: entry, faceIndex: undefined };
}

/** The entry again, its file replaced (a face index kept): how an entry moves to another folder. */
export function withFontFile(entry: string, file: string): string {
  const { faceIndex } = parseFontEntry(entry);
  return faceIndex === undefined ? file : `${file}#${faceIndex}`;
}

/**
 * The file of an entry (any "#index" left off): absolute, relative to the working directory, or
 * inside an npm package.
 */
export function resolveFontPath(entry: string): string {
  const { file } = parseFontEntry(entry);
  if (isAbsolute(file) || file.startsWith('.')) return resolve(file);
  try {
    return require.resolve(file);
  } catch {
    throw new FontConfigurationError(`font file "${file}" not found: install its npm package or give a file path`);
  }
}
