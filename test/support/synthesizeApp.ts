import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.js';

export interface SynthesizedApp {
  readonly app: App;
  readonly outdir: string;
  readonly template: Template;
}

/** Builds and synthesizes the CDK app as `cdk synth` does, with context overrides, into a temporary folder. */
export function synthesizeApp(context: Record<string, unknown> = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  const app = buildApp(new App({ outdir, context }));
  const assembly = app.synth();
  const stack = assembly.getStackByName('WartimeAwards');
  return { app, outdir, template: Template.fromJSON(stack.template as Record<string, unknown>) };
}
