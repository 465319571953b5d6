import type { StaffPageConfig } from './StaffPageConfig.js';

/** The built page: file name under /staff/ → contents. */
export type StaffPageFiles = ReadonlyMap<string, string>;

export interface StaticResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The page may talk to its own origin and to the sign-in service's token endpoint, and nothing
 * else; it runs no inline script and cannot be framed. It frames only the drafts it fetched
 * itself (blob: addresses), so that approvers read them in the page.
 */
function securityHeaders(config: StaffPageConfig): Record<string, string> {
  const tokenOrigin = config.signIn.kind === 'oidc' ? ` ${new URL(config.signIn.tokenUrl).origin}` : '';
  return {
    'content-security-policy':
      `default-src 'self'; connect-src 'self'${tokenOrigin}; img-src 'self' data:; ` +
      `frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Answers a GET for the staff page: `/` is the page, `/staff/<file>` its script, style and
 * configuration. The same function serves it from the Lambda and from the local stack.
 */
export function staffPageResponse(path: string, files: StaffPageFiles, config: StaffPageConfig): StaticResponse {
  const headers = securityHeaders(config);
  const name = path === '/' ? 'index.html' : /^\/staff\/([a-z0-9-]+\.(?:js|css|json))$/.exec(path)?.[1];
  const body = name === 'config.json' ? JSON.stringify(config) : name === undefined ? undefined : files.get(name);
  if (name === undefined || body === undefined)
    return {
      status: 404,
      headers: { ...headers, 'content-type': CONTENT_TYPES.html! },
      body: '<!doctype html><meta charset="utf-8"><title>未找到</title><p>未找到此页面。<a href="/">返回文书下载</a></p>',
    };
  // The page shell and its configuration change with a deployment; the script and style are small.
  return {
    status: 200,
    headers: { ...headers, 'content-type': CONTENT_TYPES[name.split('.').pop()!]!, 'cache-control': 'no-cache' },
    body,
  };
}
