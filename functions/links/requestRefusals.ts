import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AskedRequest, AuditEntry, AuditTrail } from '../core/links/AuditTrail.js';
import { jsonAnswer } from './jsonAnswer.js';

/** Who asked, as far as a verified token tells: a subject alone when its claims allow nothing. */
export interface Caller {
  readonly subject?: string;
  readonly scope?: string;
}

/**
 * How a staff API function refuses or fails a request: every refusal is one audit line saying
 * what was asked, by whom and why, written before the answer leaves; a failure (500) is logged
 * and audited too — when the trail itself is what failed, the error log is then the record.
 */
export function requestRefusals({
  audit,
  asked,
  caller,
  logger,
}: {
  audit: AuditTrail;
  asked: AskedRequest;
  caller: Caller;
  logger: Logger;
}) {
  const line = (status: number, reason: string): AuditEntry => ({
    at: new Date().toISOString(),
    action: 'request-refused',
    ...caller,
    request: asked,
    status,
    reason,
  });
  return {
    /** Refused here: audited, then answered with the reason (and any fields beside it). */
    async refuse(status: number, error: string, extra: Record<string, unknown> = {}) {
      await audit.record(line(status, error));
      return jsonAnswer(status, { error, ...extra });
    },
    /** Failed unexpectedly: logged and audited, answered with a sentence the user can act on. */
    async failed(error: unknown, answer: string): Promise<APIGatewayProxyStructuredResultV2> {
      const reason = (error as Error).message;
      logger.error('request failed', { path: asked.path, error: reason });
      await audit.record(line(500, reason)).catch((auditError: unknown) =>
        logger.error('audit line of a failed request not written', {
          path: asked.path,
          error: (auditError as Error).message,
        }),
      );
      return jsonAnswer(500, { error: answer });
    },
  };
}
