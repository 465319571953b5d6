import { z } from 'zod';
import { FONT_ROLES } from '../../functions/core/engine/fonts/fontConfig.js';

/** SigV4 presigned URLs live at most seven days. */
const MAX_LINK_SECONDS = 7 * 24 * 60 * 60;

const stackConfigSchema = z.strictObject({
  /** The stack's own authority: it issues the statistics bulletin. */
  authorityName: z.string().trim().min(1).default('内蒙古自治区公安厅'),
  /**
   * Its 机关代字: numbers its statistics bulletins, and its orders and praise bulletins whose record
   * gives no authority.code, all in one sequence a year.
   */
  authorityCode: z.string().trim().min(1).default('内公奖'),
  /** EventBridge Scheduler expression for the statistics bulletin, in `scheduleTimezone`. */
  bulletinSchedule: z
    .string()
    .regex(/^(cron\(.+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\))$/, 'must be cron(…) or rate(…)')
    .default('cron(0 8 * * ? *)'),
  scheduleTimezone: z.string().min(1).default('Asia/Shanghai'),
  linkLifetimeSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_LINK_SECONDS, `must be at most ${MAX_LINK_SECONDS} (the SigV4 maximum)`)
    .default(900),
  /** Licensed font files to bundle instead of the npm fonts: role → local .ttf/.otf paths ("x.ttc#2": a face). */
  fontFiles: z.partialRecord(z.enum(FONT_ROLES), z.array(z.string().min(1)).min(1)).optional(),
  alarmEmails: z.array(z.email('must be an e-mail address')).default([]),
  /** An existing JWT issuer for the links API; without one the stack creates a Cognito user pool. */
  jwtIssuer: z.url().optional(),
  jwtAudience: z.array(z.string().min(1)).optional(),
  /** With jwtIssuer: the issuer's endpoints the staff page signs in through (authorization code with PKCE). */
  staffSignIn: z
    .strictObject({
      authorizeUrl: z.url(),
      tokenUrl: z.url(),
      logoutUrl: z.url().optional(),
      scope: z.string().min(1).default('openid'),
    })
    .optional(),
  /** The Cognito hosted UI's domain prefix; unique in the AWS region (default wartime-awards-<account id>). */
  cognitoDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens, at most 63')
    .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'must not contain aws, amazon or cognito')
    .optional(),
  /** The staff API stage's throttle: requests per second, and the burst above that. */
  apiRateLimit: z.number().int().min(1).max(10_000).default(20),
  apiBurstLimit: z.number().int().min(1).max(5_000).default(40),
  /**
   * Where documents' QR codes send their readers: `<verifyBaseUrl>/verify/<code>`, HTTPS, e.g. a
   * custom domain mapped to the API. Default: the API's own address. Printed on every document,
   * so it should not change once documents are issued.
   */
  verifyBaseUrl: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .refine((url) => !/[?#]/.test(url), 'must not carry a query or a fragment')
    .optional(),
  /**
   * The certificate chain issued for the stack's signing key (output SigningKeyArn), PEM, the
   * signer's certificate first. Until it is set, documents are stored unsigned.
   */
  signingCertificateChain: z
    .string()
    .regex(
      /^\s*(-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*)+$/,
      'must be PEM certificates',
    )
    .optional(),
  /** The public verification route's own throttle (requests per second, burst): far below the staff API's. */
  verifyRateLimit: z.number().int().min(1).max(10_000).default(5),
  verifyBurstLimit: z.number().int().min(1).max(5_000).default(10),
  /**
   * Concurrency reserved for the links function and the staff page function (0: none), so a flood
   * of staff requests cannot take the render function's capacity. An account whose concurrency
   * limit is low (new accounts may have 10) cannot reserve: set both to 0 there.
   */
  linksReservedConcurrency: z.number().int().min(0).max(1000).default(10),
  pageReservedConcurrency: z.number().int().min(0).max(1000).default(2),
  /**
   * Concurrency reserved for (and capping) the approvers' desk (0: none): a few approvers at once,
   * each draft drawn on a whole vCPU, never more than that taken from the render function.
   */
  deskReservedConcurrency: z.number().int().min(0).max(1000).default(3),
  /** Keep the table and buckets when the stack is deleted (the default: award records are records). */
  retainData: z.boolean().default(true),
});

export type StackConfig = z.output<typeof stackConfigSchema>;

/** A context value the stack cannot be built with. */
export class StackConfigError extends Error {
  override name = 'StackConfigError';
}

/**
 * The stack's configuration from CDK context (cdk.json "context", or `-c key=value`), validated:
 * a bad value stops `cdk synth` with a message naming the key and the rule. Values given with
 * -c arrive as strings, so JSON in them (lists, numbers, booleans) is parsed first.
 */
export function stackConfigFrom(tryGetContext: (key: string) => unknown): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(stackConfigSchema.shape)) {
    let value = tryGetContext(key);
    if (typeof value === 'string' && /^[[{]|^(true|false|-?\d+(\.\d+)?)$/.test(value.trim())) {
      try {
        value = JSON.parse(value);
      } catch {
        throw new StackConfigError(`context value ${key}: not valid JSON: ${value}`);
      }
    }
    if (value !== undefined) raw[key] = value;
  }
  const parsed = stackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(context)'}: ${issue.message}`);
    throw new StackConfigError(`invalid CDK context: ${problems.join('; ')}`);
  }
  if (parsed.data.jwtIssuer !== undefined && (parsed.data.jwtAudience ?? []).length === 0) {
    throw new StackConfigError(
      'invalid CDK context: jwtAudience: required with jwtIssuer (the client ids the issuer mints tokens for)',
    );
  }
  if (parsed.data.jwtIssuer !== undefined && parsed.data.staffSignIn === undefined) {
    throw new StackConfigError(
      'invalid CDK context: staffSignIn: required with jwtIssuer ' +
        '({"authorizeUrl", "tokenUrl"} of the issuer, for the staff page)',
    );
  }
  return parsed.data;
}
