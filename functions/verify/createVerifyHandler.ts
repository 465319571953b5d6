import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Verification, VerificationService } from '../core/verification/VerificationService.js';
import { canonicalCode } from '../core/verification/verificationCode.js';
import { CODE_FORM_CSP, codeFormPage } from './codeFormPage.js';
import { verificationAnswer } from './verificationAnswer.js';
import { VERIFICATION_PAGE_CSP, verificationPage } from './verificationPage.js';

/**
 * The parts of an HTTP API request the handler reads: the code in the path (GET /verify/{code}),
 * or the code typed into the form (GET /verify?code=…), and the Accept header.
 */
export interface VerifyEvent {
  readonly pathParameters?: { readonly code?: string } | undefined;
  readonly queryStringParameters?: { readonly code?: string } | undefined;
  readonly headers?: Readonly<Record<string, string | undefined>> | undefined;
}

export type VerifyHandler = (event: VerifyEvent) => Promise<APIGatewayProxyStructuredResultV2>;

/** JSON only when the client asks for it over HTML; a browser, curl's default (any type) or no Accept get the page. */
export function prefersJson(accept: string | undefined): boolean {
  const quality = (type: string) => {
    for (const range of (accept ?? '').toLowerCase().split(',')) {
      const [media, ...parameters] = range.split(';').map((part) => part.trim());
      if (media !== type) continue;
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      return q === undefined ? 1 : Number(q.slice(2)) || 0;
    }
    return 0;
  };
  const json = quality('application/json');
  return json > 0 && json > quality('text/html');
}

const COMMON_HEADERS = {
  // The standing can change at any moment (a revocation): never cached, by the browser or between.
  'cache-control': 'no-store',
  vary: 'accept',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function respond(statusCode: number, verification: Verification, json: boolean): APIGatewayProxyStructuredResultV2 {
  return json
    ? {
        statusCode,
        headers: { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(verificationAnswer(verification)),
      }
    : {
        statusCode,
        headers: {
          ...COMMON_HEADERS,
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': VERIFICATION_PAGE_CSP,
        },
        body: verificationPage(verification),
      };
}

function formPage(statusCode: number, refused?: { entry: string; error: string }): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      ...COMMON_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CODE_FORM_CSP,
    },
    body: codeFormPage(refused),
  };
}

/**
 * GET /verify: the form; GET /verify?code=…: 303 to the code's page in its printed form, or the
 * form again saying the entry cannot be a code (400). Whether such a code was ever given is the
 * page's to say, with the same answer as for a link.
 */
function codeForm(entry: string | undefined): APIGatewayProxyStructuredResultV2 {
  if (entry === undefined) return formPage(200);
  if (entry.trim() === '') return formPage(400, { entry, error: '请输入核验码。' });
  const code = canonicalCode(entry);
  if (code === undefined)
    return formPage(400, { entry, error: '核验码格式不正确：应为20位字母A–Z或数字2–7，请核对后重新输入。' });
  return { statusCode: 303, headers: { ...COMMON_HEADERS, location: `/verify/${code}` }, body: '' };
}

/**
 * GET /verify/{code}, public: the page (or JSON) for the document a code points at; 404 with the
 * same shape for any code that finds nothing, malformed or unknown alike. Storage trouble answers
 * 503, never a guess.
 */
export function createVerifyHandler({
  service,
  logger,
}: {
  service: VerificationService;
  logger: Logger;
}): VerifyHandler {
  return async (event) => {
    if (event.pathParameters?.code === undefined) return codeForm(event.queryStringParameters?.code);
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const json = prefersJson(headers.accept);
    try {
      const verification = await service.verify(event.pathParameters?.code ?? '');
      return respond(verification.status === 'not-found' ? 404 : 200, verification, json);
    } catch (error) {
      logger.error('verification failed', { error: (error as Error).message });
      const body = json
        ? JSON.stringify({ status: 'unavailable', message: '暂时无法核验，请稍后再试' })
        : '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>文书核验</title>' +
          '<p>暂时无法核验，请稍后再试。</p></html>';
      return {
        statusCode: 503,
        headers: {
          ...COMMON_HEADERS,
          'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'",
        },
        body,
      };
    }
  };
}
