import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  DEFAULT_FONT_CONFIG,
  type FontConfig,
  type FontRole,
  parseFontEntry,
  resolveFontPath,
  withFontFile,
} from '../../functions/core/engine/fonts/fontConfig.js';
import { AuthorityRegistry, defaultRegistryFile } from '../../functions/core/authorities/AuthorityRegistry.js';
import { OpenTypeFont } from '../../functions/core/engine/fonts/OpenTypeFont.js';
import { SRGB_PROFILE_MODULE_PATH } from '../../functions/core/engine/pdf/pdfa/srgbProfile.js';
import { PLAIN_BUNDLING, TASK_ROOT } from './PipelineFunction.js';

const require = createRequire(import.meta.url);

export interface EngineBundle {
  readonly bundling: BundlingOptions;
  readonly environment: Record<string, string>;
}

/**
 * Bundles a function that renders documents: the code as one ESM file (local esbuild, no
 * Docker), and beside it the templates, the HarfBuzz subsetter, the sRGB profile of the PDF/A
 * OutputIntent, the authority registry and the configured fonts, with
 * the environment that points the engine at them. Each font is opened at synth time, so a file
 * the engine cannot use (a WOFF, a CFF2 variable font, a collection without "#index") stops
 * `cdk synth` rather than the first render.
 */
export function engineBundle(fontOverrides: Partial<FontConfig> = {}): EngineBundle {
  // The fonts the local stack uses (about 51 MB), with any the deployment names instead.
  const fonts = { ...DEFAULT_FONT_CONFIG, ...fontOverrides };
  const configured = [...new Set(Object.values(fonts).flat())];
  // Opening each font checks it as the engine will: one it cannot use stops the synth.
  for (const entry of configured) {
    new OpenTypeFont(readFileSync(resolveFontPath(entry)), entry, parseFontEntry(entry).faceIndex);
  }
  const files = [...new Set(configured.map(resolveFontPath))];
  const inAsset = (file: string) => `${TASK_ROOT}/fonts/${basename(file)}`;
  const names = new Set(files.map((file) => basename(file)));
  if (names.size !== files.length)
    throw new Error('two configured font files share a file name: rename one, the bundle keeps them side by side');
  const assetConfig = Object.fromEntries(
    (Object.entries(fonts) as [FontRole, readonly string[]][]).map(([role, entries]) => [
      role,
      entries.map((entry) => withFontFile(entry, inAsset(resolveFontPath(entry)))),
    ]),
  );
  const wasm = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const srgb = require.resolve(SRGB_PROFILE_MODULE_PATH);
  const templates = resolve(import.meta.dirname, '../../templates');
  // The authority registry, checked as the functions will read it: one that is malformed stops the synth.
  const authorities = defaultRegistryFile();
  AuthorityRegistry.fromFile(authorities);
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return {
    bundling: {
      ...PLAIN_BUNDLING,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_input: string, output: string) => [
          `mkdir -p ${quote(`${output}/fonts`)}`,
          ...files.map((file) => `cp ${quote(file)} ${quote(`${output}/fonts/${basename(file)}`)}`),
          `echo ${quote(JSON.stringify(assetConfig))} > ${quote(`${output}/fonts/fonts.json`)}`,
          `cp -r ${quote(templates)} ${quote(`${output}/templates`)}`,
          `cp ${quote(wasm)} ${quote(`${output}/harfbuzz-subset.wasm`)}`,
          `cp ${quote(srgb)} ${quote(`${output}/sRGB.icc`)}`,
          `cp ${quote(authorities)} ${quote(`${output}/authorities.json`)}`,
        ],
      },
    },
    environment: {
      AWARD_FONTS_FILE: `${TASK_ROOT}/fonts/fonts.json`,
      AWARD_TEMPLATES_DIR: `${TASK_ROOT}/templates`,
      HB_SUBSET_WASM: `${TASK_ROOT}/harfbuzz-subset.wasm`,
      AWARD_SRGB_ICC: `${TASK_ROOT}/sRGB.icc`,
      AWARD_AUTHORITIES_FILE: `${TASK_ROOT}/authorities.json`,
      // No NODE_OPTIONS=--enable-source-maps: Node would read and parse the bundle's map (~7 MB) on
      // every cold start, ~28 ms of the render bundle's ~330 ms (issue 16; `npm run bench` prints the
      // cold start with and without it). The map stays in the asset to decode a stack trace offline.
    },
  };
}
