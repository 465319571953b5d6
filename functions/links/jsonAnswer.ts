import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A JSON answer of the staff API, never cached: links and decisions are for this caller, now. */
export const jsonAnswer = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
