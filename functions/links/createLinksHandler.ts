import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BadLinkRequest, parseLinkRequest } from '../core/links/linkRequest.js';
import { type LinksService, NotFound } from '../core/links/LinksService.js';
import type { AuditTrail } from '../core/links/AuditTrail.js';
import { scopeOf, staffAccessFromClaims } from '../core/links/staffAccess.js';
import { askedRequest } from './askedRequest.js';
import { jsonAnswer } from './jsonAnswer.js';
import { requestRefusals } from './requestRefusals.js';

type LinksEvent = Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'rawPath' | 'queryStringParameters'> & {
  readonly requestContext: {
    readonly http: { readonly method: string };
    readonly authorizer?: { readonly jwt?: { readonly claims?: Record<string, unknown> } };
  };
};

export type LinksHandler = (event: LinksEvent) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The links API behind the HTTP API: the JWT authorizer has verified the token, and its claims
 * say whose documents the caller may see. Answers are JSON; errors carry a one-line reason. Every
 * request refused (401, 403, 400, 404, another region's list) or failed (500) is one audit line
 * saying what was asked, by whom and why, written before the answer leaves.
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
  return async (event) => {
    const asked = askedRequest(event);
    const claims = event.requestContext.authorizer?.jwt?.claims;
    const access = claims ? staffAccessFromClaims(claims) : undefined;
    // Who asked, as far as a verified token tells: a subject alone when its claims allow nothing.
    const caller = access
      ? { subject: access.subject, scope: scopeOf(access) }
      : typeof claims?.sub === 'string'
        ? { subject: claims.sub }
        : {};
    const { refuse, failed } = requestRefusals({ audit, asked, caller, logger });
    const answer = async (): Promise<APIGatewayProxyStructuredResultV2> => {
      if (!claims) return refuse(401, 'sign in first: no verified token came with the request');
      if (!access) return refuse(403, 'this account is neither department staff nor staff of one of the 12 盟市');
      try {
        const request = parseLinkRequest(asked.method, asked.path, asked.query);
        switch (request.route) {
          case 'list-awards':
            return jsonAnswer(200, await service.listAwards(access, request, asked));
          case 'award-documents':
            return jsonAnswer(200, await service.documents(access, request.id, asked));
          case 'list-bulletins':
            return jsonAnswer(200, await service.bulletins(access));
        }
      } catch (error) {
        if (error instanceof BadLinkRequest) return refuse(400, error.message);
        // The service wrote the refusal down, naming the award asked for.
        if (error instanceof NotFound) return jsonAnswer(404, { error: 'not found' });
        throw error;
      }
    };
    try {
      return await answer();
    } catch (error) {
      return failed(error, 'the documents could not be listed just now: try again');
    }
  };
}
