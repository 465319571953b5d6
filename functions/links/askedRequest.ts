import type { AskedRequest } from '../core/links/AuditTrail.js';

/** An HTTP API event's method, path and query string parameters, as the audit trail records what was asked. */
export function askedRequest(event: {
  readonly rawPath: string;
  readonly queryStringParameters?: Readonly<Record<string, string | undefined>> | undefined;
  readonly requestContext: { readonly http: { readonly method: string } };
}): AskedRequest {
  const query = Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    ...(Object.keys(query).length > 0 ? { query } : {}),
  };
}
