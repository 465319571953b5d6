import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../functions/core/documents/renderRecordDocuments.js';
import { DocumentEngine } from '../../functions/core/engine/DocumentEngine.js';
import { FontRegistry } from '../../functions/core/engine/fonts/FontRegistry.js';
import { DEFAULT_FONT_CONFIG, loadFontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { TemplateRenderer } from '../../functions/core/engine/templates/TemplateRenderer.js';
import { exampleRecord } from '../support/examples.js';
import { pdfFonts } from '../support/poppler.js';
import { functionAssetDir, synthesizeApp } from '../support/synthesizeApp.js';

// Stand-ins for an office's licensed fonts, from Debian packages that .ci/run installs: an
// OpenType/CFF collection (one face of it) and a single CFF .otf, both outside node_modules.
const SANS_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FREE_SERIF = '/usr/share/fonts/opentype/freefont/FreeSerif.otf';

describe('licensed fonts given to cdk deploy as the fontFiles context', () => {
  let assetDir: string;
  beforeAll(() => {
    const fontFiles = { fangsong: [`${SANS_CJK}#2`], xiaobiaosong: [FREE_SERIF, DEFAULT_FONT_CONFIG.xiaobiaosong[0]] };
    // As `-c fontFiles="$(cat fonts.json)"` gives it: a JSON string.
    assetDir = functionAssetDir(
      synthesizeApp({ fontFiles: JSON.stringify(fontFiles) }),
      'POWERTOOLS_SERVICE_NAME',
      'render',
    );
  }, 180_000);

  it('copies each file into the render function’s asset, a collection keeping its face index', () => {
    const config = JSON.parse(readFileSync(join(assetDir, 'fonts', 'fonts.json'), 'utf8')) as Record<string, string[]>;
    expect(config.fangsong).toEqual(['/var/task/fonts/NotoSansCJK-Regular.ttc#2']);
    expect(config.xiaobiaosong).toEqual(['/var/task/fonts/FreeSerif.otf', '/var/task/fonts/NotoSerifSC_700Bold.ttf']);
    expect(config.songti).toEqual([
      '/var/task/fonts/NotoSerifSC_400Regular.ttf',
      '/var/task/fonts/NotoSansSC_400Regular.ttf',
    ]);
    expect(readFileSync(join(assetDir, 'fonts', 'FreeSerif.otf')).equals(readFileSync(FREE_SERIF))).toBe(true);
    expect(readFileSync(join(assetDir, 'fonts', 'NotoSansCJK-Regular.ttc')).equals(readFileSync(SANS_CJK))).toBe(true);
  });

  it('renders with the bundled fonts: the telegram’s 仿宋 body from the CFF face, as CID Type 0C', async () => {
    // Lambda reads the asset from /var/task; here its fonts.json is pointed at the asset folder instead.
    const fontsFile = join(mkdtempSync(join(tmpdir(), 'fonts-')), 'fonts.json');
    const bundled = readFileSync(join(assetDir, 'fonts', 'fonts.json'), 'utf8');
    writeFileSync(fontsFile, bundled.replaceAll('/var/task', assetDir));
    const registry = new FontRegistry(loadFontConfig({ AWARD_FONTS_FILE: fontsFile }));
    const engine = new DocumentEngine(registry, new TemplateRenderer(join(assetDir, 'templates')));
    const [document] = await renderRecordDocuments(exampleRecord('telegram-sympathy-sun-dejian'), engine);
    expect(pdfFonts(document!.bytes)).toContainEqual(
      expect.objectContaining({
        name: expect.stringMatching(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/),
        type: 'CID Type 0C',
      }),
    );
  });

  it('stops the synth on a font the engine cannot use, naming the file and its faces', () => {
    expect(() => synthesizeApp({ fontFiles: { fangsong: [SANS_CJK] } })).toThrow(
      /NotoSansCJK-Regular\.ttc: a collection of 10 faces \(0 NotoSansCJKjp-Regular.*\): name one as "file#index"/,
    );
  });
});
