import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AwardChangedMeanwhile, AwardRefusal, UndrawableAward } from '../core/award/AwardRefusal.js';
import { type ApproverAccess, approverAccessFromClaims } from '../core/desk/approverAccess.js';
import { BadDeskRequest, parseDeskRequest } from '../core/desk/deskRequest.js';
import type { ReviewDesk } from '../core/desk/ReviewDesk.js';
import type { AuditTrail } from '../core/links/AuditTrail.js';
import { contentDisposition } from '../core/links/contentDisposition.js';
import { NotFound } from '../core/links/LinksService.js';
import { askedRequest } from '../links/askedRequest.js';
import { jsonAnswer } from '../links/jsonAnswer.js';
import { requestRefusals } from '../links/requestRefusals.js';

export interface DeskEvent {
  readonly rawPath: string;
  readonly queryStringParameters?: Readonly<Record<string, string | undefined>> | undefined;
  readonly body?: string | undefined;
  readonly isBase64Encoded?: boolean;
  readonly requestContext: {
    readonly http: { readonly method: string };
    readonly authorizer?: { readonly jwt?: { readonly claims?: Record<string, unknown> } };
  };
}

export type DeskHandler = (event: DeskEvent) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The approvers' desk behind the HTTP API and its JWT authorizer: only tokens in the `approvers`
 * group are answered (403 for every other), JSON in and out but the drafts, which are PDFs.
 * A decision on a revision the award has left is 409; an award whose documents cannot be drawn
 * is 422 naming the field. Every refused request is one audit line, as the links API's are, and
 * every decision one line of its own.
 */
export function createDeskHandler({
  desk,
  audit,
  logger,
}: {
  desk: ReviewDesk;
  audit: AuditTrail;
  logger: Logger;
}): DeskHandler {
  return async (event) => {
    const asked = askedRequest(event);
    const claims = event.requestContext.authorizer?.jwt?.claims;
    const access = claims ? approverAccessFromClaims(claims) : undefined;
    const caller = access
      ? { subject: access.by.sub, scope: access.scope }
      : typeof claims?.sub === 'string'
        ? { subject: claims.sub }
        : {};
    const { refuse, failed } = requestRefusals({ audit, asked, caller, logger });
    const answer = async (approver: ApproverAccess): Promise<APIGatewayProxyStructuredResultV2> => {
      const body =
        event.body !== undefined && event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body;
      const request = parseDeskRequest(asked.method, asked.path, asked.query, body);
      switch (request.route) {
        case 'review':
          return jsonAnswer(200, await desk.review(approver, request));
        case 'draft': {
          const draft = await desk.draft(approver, request.id, request.document);
          return {
            statusCode: 200,
            headers: {
              'content-type': 'application/pdf',
              'content-disposition': contentDisposition(draft.fileName, 'inline'),
              'cache-control': 'no-store',
            },
            body: Buffer.from(draft.bytes).toString('base64'),
            isBase64Encoded: true,
          };
        }
        case 'decide':
          return jsonAnswer(200, await desk.decide(approver, request));
        case 'approve-list':
          return jsonAnswer(200, { items: await desk.approveList(approver, request.items) });
      }
    };
    try {
      if (!claims) return await refuse(401, 'sign in first: no verified token came with the request');
      if (!access) return await refuse(403, 'this account is not an approver (group approvers)');
      return await answer(access);
    } catch (error) {
      if (error instanceof BadDeskRequest) return refuse(400, error.message);
      if (error instanceof NotFound) return refuse(404, 'not found');
      if (error instanceof UndrawableAward)
        return refuse(422, error.message, error.field === undefined ? {} : { field: error.field });
      if (error instanceof AwardChangedMeanwhile || error instanceof AwardRefusal) return refuse(409, error.message);
      return failed(error, 'the request could not be completed just now: try again');
    }
  };
}
