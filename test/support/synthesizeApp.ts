import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.js';

export interface SynthesizedApp {
  readonly app: App;
  readonly outdir: string;
  readonly template: Template;
  /** The warnings `cdk synth` prints for the stack. */
  readonly warnings: readonly string[];
}

/** Builds and synthesizes the CDK app as `cdk synth` does, with context overrides, into a temporary folder. */
export function synthesizeApp(context: Record<string, unknown> = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  const app = buildApp(new App({ outdir, context }));
  const assembly = app.synth();
  const stack = assembly.getStackByName('WartimeAwards');
  const warnings = stack.messages.filter((message) => message.level === 'warning').map((m) => String(m.entry.data));
  return { app, outdir, template: Template.fromJSON(stack.template as Record<string, unknown>), warnings };
}

/** The folder of a function's asset in the cloud assembly, found through its code's S3 key (the asset's hash). */
export function functionAssetDir(
  { outdir, template }: Pick<SynthesizedApp, 'outdir' | 'template'>,
  environmentVariable: string,
  value?: string,
): string {
  const manifest = JSON.parse(readFileSync(join(outdir, 'WartimeAwards.assets.json'), 'utf8')) as {
    files: Record<string, { source: { path: string } }>;
  };
  const fn = Object.values(template.findResources('AWS::Lambda::Function')).find((candidate) => {
    const variables = candidate.Properties.Environment?.Variables ?? {};
    return environmentVariable in variables && (value === undefined || variables[environmentVariable] === value);
  });
  if (!fn) throw new Error(`no function with ${environmentVariable}${value === undefined ? '' : `=${value}`}`);
  const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
  return join(outdir, manifest.files[hash]!.source.path);
}
