import { readFileSync } from 'node:fs';
import { stackConfigFrom } from '../../infra/config/StackConfig.js';

/** The deployment's own authority, as cdk.json configures the stack: the local tools number and sign as it does. */
export function ownAuthority(): { name: string; code: string } {
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  const config = stackConfigFrom((key) => context[key]);
  return { name: config.authorityName, code: config.authorityCode };
}
