import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BadLinkRequest, parseLinkRequest } from '../core/links/linkRequest.js';
import { type LinksService, NotFound } from '../core/links/LinksService.js';
import type { AuditTrail } from '../core/links/AuditTrail.js';
import { staffAccessFromClaims } from '../core/links/staffAccess.js';

type LinksEvent = Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'rawPath' | 'queryStringParameters'> & {
  readonly requestContext: {
    readonly http: { readonly method: string };
    readonly authorizer?: { readonly jwt?: { readonly claims?: Record<string, unknown> } };
  };
};

export type LinksHandler = (event: LinksEvent) => Promise<APIGatewayProxyStructuredResultV2>;

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/**
 * The links API behind the HTTP API: the JWT authorizer has verified the token, and its claims
 * say whose documents the caller may see. Answers are JSON; errors carry a one-line reason.
 */
export function createLinksHandler({
  service,
  audit,
  logger,
}: {
  service: LinksService;
  audit: AuditTrail;
  logger: Logger;
}): LinksHandler {
  /** A request refused before the service sees it, written to the audit trail like any other answer. */
  const refuse = async (status: 401 | 403, error: string, subject?: unknown) => {
    await audit.record({
      at: new Date().toISOString(),
      action: 'request-refused',
      ...(typeof subject === 'string' ? { subject } : {}),
      status,
      reason: error,
    });
    return json(status, { error });
  };
  return async (event) => {
    const claims = event.requestContext.authorizer?.jwt?.claims;
    if (!claims) return refuse(401, 'sign in first: no verified token came with the request');
    const access = staffAccessFromClaims(claims);
    if (!access)
      return refuse(403, 'this account is neither department staff nor staff of one of the 12 盟市', claims.sub);
    try {
      const request = parseLinkRequest(
        event.requestContext.http.method,
        event.rawPath,
        event.queryStringParameters ?? {},
      );
      switch (request.route) {
        case 'list-awards':
          return json(200, await service.listAwards(access, request));
        case 'award-documents':
          return json(200, await service.documents(access, request.id));
        case 'list-bulletins':
          return json(200, await service.bulletins(access));
      }
    } catch (error) {
      if (error instanceof BadLinkRequest) return json(400, { error: error.message });
      if (error instanceof NotFound) return json(404, { error: 'not found' });
      logger.error('links request failed', { path: event.rawPath, error: (error as Error).message });
      return json(500, { error: 'the documents could not be listed just now: try again' });
    }
  };
}
