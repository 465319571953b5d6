/** The approvers' desk as the page sees it: the review list, drafts as PDFs, and decisions. */
import { StaffApiError } from './staffApi.js';

import type { ReviewItem } from '../../functions/core/desk/ReviewDesk.js';

export type { ReviewItem };

export interface ReviewPage {
  readonly items: readonly ReviewItem[];
  readonly cursor?: string;
}

export interface ReviewQuery {
  readonly status: string;
  readonly q?: string;
  readonly cursor?: string;
}

/** What an approver decides about one award from the page. */
export type Decision = 'approve' | 'return' | 'reject';

export interface Decided {
  readonly id: string;
  readonly status: string;
  readonly revision: number;
}

/** A refused desk request; `field` names the record's field when the award cannot be drawn (422). */
export class DeskApiError extends StaffApiError {
  override name = 'DeskApiError';
  constructor(
    status: number,
    message: string,
    readonly field?: string,
  ) {
    super(status, message);
  }
}

/** The sentence an approver reads for a refused request. */
export function deskErrorMessage(status: number, error: string | undefined, field: string | undefined): string {
  if (status === 401) return '登录已过期或无效，请重新登录。';
  if (status === 403) return '此账号不是审批人，无权审批表彰。';
  if (status === 404) return '未找到该表彰记录（可能不在您的审批范围内）。';
  if (status === 409) return '该表彰记录已有变化（他人已处理或已更正），已重新加载，请核对后再决定。';
  if (status === 422) {
    const where = field ? `字段 ${field} ` : '记录';
    return `无法生成文书，${where}有误：${error ?? '原因未知'}。请退回修改。`;
  }
  if (status === 400) return `请求有误${error ? `（${error}）` : ''}。`;
  return '服务暂时不可用，请稍后重试。';
}

export function createDeskApi({
  token,
  fetch = globalThis.fetch.bind(globalThis),
}: {
  token: () => string;
  fetch?: typeof globalThis.fetch;
}) {
  async function send(path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      const authorization = `Bearer ${token()}`;
      response = await fetch(
        path,
        body === undefined
          ? { headers: { authorization } }
          : {
              method: 'POST',
              headers: { authorization, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            },
      );
    } catch {
      throw new DeskApiError(0, '无法连接服务器，请检查网络后重试。');
    }
    if (response.ok) return response;
    const answer = (await response.json().catch(() => ({}))) as { error?: unknown; field?: unknown };
    const error = typeof answer.error === 'string' ? answer.error : undefined;
    const field = typeof answer.field === 'string' ? answer.field : undefined;
    throw new DeskApiError(response.status, deskErrorMessage(response.status, error, field), field);
  }

  const awardPath = (id: string) => `/awards/${encodeURIComponent(id)}`;

  return {
    async review(query: ReviewQuery): Promise<ReviewPage> {
      const search = new URLSearchParams(
        Object.entries(query).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
        ),
      );
      return (await (await send(`/review?${search}`)).json()) as ReviewPage;
    },
    /** The award's draft as a PDF; fetched with the token, so the page shows it from a blob: address. */
    async draft(id: string): Promise<Blob> {
      const response = await send(`${awardPath(id)}/draft`);
      const bytes = await response.arrayBuffer();
      return new Blob([bytes], { type: 'application/pdf' });
    },
    async decide(id: string, decision: Decision, revision: number, reason?: string): Promise<Decided> {
      const body = decision === 'approve' ? { revision } : { revision, reason };
      return (await (await send(`${awardPath(id)}/${decision}`, body)).json()) as Decided;
    },
    /** One approval list, all or nothing, each award on the revision the approver saw. */
    async approveAll(items: readonly { id: string; revision: number }[]): Promise<Decided[]> {
      return ((await (await send('/awards/approve', { items })).json()) as { items: Decided[] }).items;
    },
  };
}

export type DeskApi = ReturnType<typeof createDeskApi>;
