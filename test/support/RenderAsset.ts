/**
 * The render function's asset as `cdk synth` writes it to the cloud assembly (code, fonts,
 * templates, HarfBuzz, sRGB profile), and the environment that runs it outside Lambda: the same
 * variables the stack sets, with /var/task replaced by the asset's folder.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionAssetDir, synthesizeApp } from './synthesizeApp.js';

export interface AwsEndpoints {
  readonly dynamodb: string;
  readonly s3: string;
  readonly secretsManager: string;
}

export interface StorageNames {
  readonly table: string;
  readonly bucket: string;
}

export class RenderAsset {
  private constructor(
    readonly dir: string,
    private readonly fontsFile: string,
  ) {}

  /**
   * Synthesizes the CDK app (esbuild bundling, fonts copied: tens of seconds) and finds the asset
   * of a function that carries the engine: the render function's, or another's by its service name.
   */
  static synthesize(service = 'render'): RenderAsset {
    const dir = functionAssetDir(synthesizeApp(), 'POWERTOOLS_SERVICE_NAME', service);
    // Lambda runs the asset from /var/task; its fonts.json names the fonts there.
    const fontsFile = join(mkdtempSync(join(tmpdir(), 'bench-fonts-')), 'fonts.json');
    writeFileSync(fontsFile, readFileSync(join(dir, 'fonts', 'fonts.json'), 'utf8').replaceAll('/var/task', dir));
    return new RenderAsset(dir, fontsFile);
  }

  get indexFile(): string {
    return join(this.dir, 'index.mjs');
  }

  get codeBytes(): number {
    return statSync(this.indexFile).size;
  }

  get sourceMapBytes(): number {
    return statSync(`${this.indexFile}.map`).size;
  }

  /**
   * The whole environment of the child: nothing inherited (no NODE_OPTIONS, no tsx loader), the
   * stack's variables, and the SDK's per-service endpoint variables pointing at `endpoints`.
   */
  environment(endpoints: AwsEndpoints, names: StorageNames): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      AWARDS_TABLE_NAME: names.table,
      DOCUMENTS_BUCKET_NAME: names.bucket,
      AUTHORITY_NAME: '内蒙古自治区公安厅',
      AUTHORITY_CODE: '内公奖',
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager,
      VERIFICATION_SECRET_ID: 'verification-secret',
      VERIFY_BASE_URL: 'https://verify.example.org',
      // A key without a certificate chain: documents are stored unsigned (KMS is not stubbed).
      SIGNING_KEY_ID: 'signing-key',
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWARD_FONTS_FILE: this.fontsFile,
      AWARD_TEMPLATES_DIR: join(this.dir, 'templates'),
      HB_SUBSET_WASM: join(this.dir, 'harfbuzz-subset.wasm'),
      AWARD_SRGB_ICC: join(this.dir, 'sRGB.icc'),
      AWARD_AUTHORITIES_FILE: join(this.dir, 'authorities.json'),
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
    };
  }
}
