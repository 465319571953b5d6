/**
 * Every document kind rendered as PDF and OFD from the same pages, as the pipeline renders them
 * (verification mark included), plus a commendation order long enough for three pages and the
 * statistics bulletin: what the OFD tests compare.
 */
import { renderRecordDocuments } from '../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../functions/core/engine/DocumentEngine.js';
import { validateRecord } from '../../functions/core/records/index.js';
import { compileFigures } from '../../functions/core/statistics/compileFigures.js';
import { EXAMPLE_OF_KIND, exampleJson, exampleRecord } from './examples.js';

export interface PdfAndOfd {
  readonly pdf: Uint8Array;
  readonly ofd: Uint8Array;
  readonly pages: number;
}

const mark = (kind: string, version: number) => ({
  code: 'K7Q2M-XA4TD-9WZ3B-CE6RF',
  url: `https://awards.example.gov.cn/verify/K7Q2M-XA4TD-9WZ3B-CE6RF?${kind}-${version}`,
});

/** A commendation order long enough that its signature and seal fall on its third page. */
export function longOrder() {
  const order = exampleJson('commendation-order-2020-12') as { awardees: object[] };
  return validateRecord({
    ...order,
    id: 'long-order',
    awardees: Array.from({ length: 12 }, () => order.awardees).flat(),
  });
}

async function recordDocument(record: ReturnType<typeof validateRecord>): Promise<PdfAndOfd> {
  const [document] = await renderRecordDocuments(record, DocumentEngine.shared(), mark as never, undefined, {
    ofd: true,
  });
  return { pdf: document!.bytes, ofd: document!.ofd!.bytes, pages: document!.pages };
}

export async function renderPdfAndOfd(): Promise<Record<string, PdfAndOfd>> {
  const documents: Record<string, PdfAndOfd> = {};
  for (const [kind, example] of Object.entries(EXAMPLE_OF_KIND))
    documents[kind] = await recordDocument(exampleRecord(example));
  documents['long order'] = await recordDocument(longOrder());
  const figures = compileFigures(
    ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name))),
    '2020-03-05T00:00:00Z',
  );
  const view = statisticsBulletinView(figures, { name: '内蒙古自治区公安厅' }, '内公奖〔2020〕9999号');
  const bulletin = await DocumentEngine.shared().render('statistics-bulletin', view, {
    ofd: { customData: [['bulletin', '2020-03-05']] },
  });
  documents['statistics-bulletin'] = { pdf: bulletin.bytes, ofd: bulletin.ofd!, pages: bulletin.pages };
  return documents;
}
