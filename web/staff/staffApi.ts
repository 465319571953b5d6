/** The links API as the page sees it, with every failure turned into a sentence staff can act on. */

export interface DocumentSummary {
  readonly kind: string;
  /** What staff call the document (荣誉证书, 唁电 …): the API names it from the record, as the download is named. */
  readonly title: string;
  readonly version: number;
  readonly pages?: number;
  readonly withdrawn: boolean;
}

export interface AwardSummary {
  readonly id: string;
  readonly kind: string;
  /** The category staff name it by (a telegram to the family of the fallen is a 唁电); absent from older APIs. */
  readonly category?: string;
  readonly region: string;
  readonly status: string;
  readonly name: string;
  /** What it awards: 个人三等功, 嘉奖, “…”荣誉称号, 嘉奖令（3人）… */
  readonly award?: string;
  /** The recipient's unit, else the issuing authority. */
  readonly unit?: string;
  readonly documentNumber?: string;
  readonly approvedAt?: string;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
  /** Why the current version's documents could not be made: they never will be until it is corrected. */
  readonly failure?: string;
  readonly documents: readonly DocumentSummary[];
}

export interface AwardPage {
  readonly items: readonly AwardSummary[];
  readonly cursor?: string;
}

/** The OFD (GB/T 33190) beside a document's PDF: absent on documents rendered before OFD output. */
export interface OfdLink {
  readonly url: string;
  readonly expiresAt: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface DocumentLink extends DocumentSummary {
  readonly sha256: string;
  /** The PDF's link: absent when the document is withdrawn or its award not approved. */
  readonly url?: string;
  readonly expiresAt?: string;
  readonly ofd?: OfdLink;
}

export interface BulletinLink {
  readonly cutoff: string;
  readonly url: string;
  readonly expiresAt: string;
  /** The same bulletin as OFD, for those archived with one. */
  readonly ofd?: { readonly url: string; readonly expiresAt: string };
}

export interface AwardQuery {
  readonly region?: string;
  readonly status?: string;
  readonly q?: string;
  readonly cursor?: string;
}

/** A request that failed; `status` 0 when the server could not be reached. */
export class StaffApiError extends Error {
  override name = 'StaffApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function errorMessage(status: number, reason: string | undefined): string {
  if (status === 401) return '登录已过期或无效，请重新登录。';
  if (status === 403) return '此账号没有分配盟市，也不是公安厅工作人员，无权查看文书。请联系管理员。';
  if (status === 404) return '未找到该表彰记录。';
  if (status === 400) return `查询条件有误${reason ? `（${reason}）` : ''}，请修改后重试。`;
  return '服务暂时不可用，请稍后重试。';
}

export function createStaffApi({
  token,
  fetch = globalThis.fetch.bind(globalThis),
}: {
  token: () => string;
  fetch?: typeof globalThis.fetch;
}) {
  async function get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, { headers: { authorization: `Bearer ${token()}` } });
    } catch {
      throw new StaffApiError(0, '无法连接服务器，请检查网络后重试。');
    }
    if (response.ok) return (await response.json()) as T;
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    throw new StaffApiError(
      response.status,
      errorMessage(response.status, typeof body.error === 'string' ? body.error : undefined),
    );
  }

  return {
    listAwards(query: AwardQuery): Promise<AwardPage> {
      const search = new URLSearchParams(
        Object.entries(query).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
        ),
      );
      const text = search.toString();
      return get(`/awards${text ? `?${text}` : ''}`);
    },
    documents(id: string): Promise<{ id: string; status: string; failure?: string; documents: DocumentLink[] }> {
      return get(`/awards/${encodeURIComponent(id)}/documents`);
    },
    bulletins(): Promise<{ bulletins: BulletinLink[] }> {
      return get('/bulletins');
    },
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;
