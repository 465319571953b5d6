import { decider, CLERK } from '../../support/deciders.js';
import { describe, expect, it } from 'vitest';
import { approve, correct, submit } from '../../../functions/core/award/awardTransitions.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { RenderPipeline } from '../../../functions/core/pipeline/RenderPipeline.js';
import { compileKeptBulletin } from '../../../functions/core/statistics/compileKeptBulletin.js';
import { VerificationMarks } from '../../../functions/core/verification/VerificationMarks.js';
import type { VerifiedDocument } from '../../../functions/core/verification/VerifiedDocument.js';
import { verificationCode } from '../../../functions/core/verification/verificationCode.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryBulletinArchive } from '../../support/InMemoryBulletinArchive.js';
import { InMemoryDocuments } from '../../support/InMemoryDocuments.js';
import { InMemoryHeldNumbers } from '../../support/InMemoryHeldNumbers.js';

const KEY = new Uint8Array(32).fill(42);
const marks = new VerificationMarks({ key: async () => KEY }, 'https://verify.example.org/');
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const AT = new Date('2020-02-05T02:00:00Z');

function pipelineOver(awards: InMemoryAwardStore) {
  const documents = new InMemoryDocuments();
  const pipeline = new RenderPipeline({
    awards,
    documents,
    engine: DocumentEngine.shared(),
    marks,
    log: quiet,
    metrics: { count: () => {} },
  });
  return { pipeline, documents };
}

describe('documents carry their verification mark', () => {
  it('marks each document with a derived code, stored with the refs and pointing at the stored bytes', async () => {
    const awards = new InMemoryAwardStore();
    const approved = approve(submit(exampleJson('merit-he-xia'), CLERK), { by: decider('审核专班'), at: AT });
    await awards.create(approved);
    const { pipeline, documents } = pipelineOver(awards);
    await pipeline.process(approved);
    const award = (await awards.get('merit-he-xia'))!;
    const code = verificationCode(KEY, 'merit-he-xia', 'certificate', 1);
    expect(award.documents).toMatchObject([{ kind: 'certificate', version: 1, verificationCode: code }]);
    const stored = documents.objects.get('awards/merit-he-xia/certificate-v1.pdf')!;
    const storedOfd = documents.objects.get('awards/merit-he-xia/certificate-v1.ofd')!;
    expect(awards.verified.get(code)).toEqual({
      code,
      recordId: 'merit-he-xia',
      kind: 'certificate',
      version: 1,
      sha256: stored.sha256,
      ofdSha256: storedOfd.sha256,
      title: '荣誉证书',
      authority: '内蒙古自治区公安厅',
      issuedAt: AT.toISOString(),
      recipient: '贺*',
      award: '个人三等功',
      unit: '鄂尔多斯市乌审旗公安局',
    } satisfies VerifiedDocument);
    expect(marks.baseUrl).toBe('https://verify.example.org');
  });

  it('gives a corrected version a code of its own beside the first one’s', async () => {
    const awards = new InMemoryAwardStore();
    await awards.create(approve(submit(exampleJson('merit-he-xia'), CLERK), { by: decider('审核专班'), at: AT }));
    const { pipeline } = pipelineOver(awards);
    await pipeline.process((await awards.get('merit-he-xia'))!);
    const first = (await awards.get('merit-he-xia'))!;
    const recipient = { ...(exampleJson('merit-he-xia').recipient as object), name: '贺霞霞' };
    const corrected = correct(first, { ...exampleJson('merit-he-xia'), recipient, version: 1 }, CLERK);
    await awards.save(first, corrected);
    await pipeline.process(corrected);
    const codes = (await awards.get('merit-he-xia'))!.documents.map((ref) => ref.verificationCode!);
    expect(codes).toEqual([
      verificationCode(KEY, 'merit-he-xia', 'certificate', 1),
      verificationCode(KEY, 'merit-he-xia', 'certificate', 2),
    ]);
    expect(codes.map((code) => awards.verified.get(code)?.version)).toEqual([1, 2]);
  });

  it('marks the statistics bulletin, and records its code once archived — again on a rerun, unchanged', async () => {
    const awards = new InMemoryAwardStore();
    const archive = new InMemoryBulletinArchive();
    const recorded: VerifiedDocument[] = [];
    const deps = {
      figures: { read: async () => new Map() },
      archive,
      engine: DocumentEngine.shared(),
      numbers: new InMemoryHeldNumbers(awards),
      authority: { name: '内蒙古自治区公安厅', code: '内公奖' },
      marks,
      verifications: { record: async (document: VerifiedDocument) => void recorded.push(document) },
    };
    const cutoff = '2020-03-05T00:00:00Z';
    const { documentNumber } = await compileKeptBulletin(cutoff, deps);
    await compileKeptBulletin(cutoff, deps);
    const archived = await archive.get(cutoff);
    expect(recorded).toHaveLength(2);
    expect(recorded[1]).toEqual(recorded[0]);
    expect(recorded[0]).toEqual({
      code: verificationCode(KEY, 'bulletin/2020-03-05T00:00:00Z', 'statistics-bulletin', 1),
      holder: 'bulletin/2020-03-05T00:00:00Z',
      kind: 'statistics-bulletin',
      version: 1,
      sha256: archived!.sha256,
      ofdSha256: archived!.ofdSha256,
      title: '统计通报',
      authority: '内蒙古自治区公安厅',
      issuedAt: cutoff,
      documentNumber,
      recipient: '各盟市公安局，厅机关各部门',
      award: '战时记功0个、嘉奖0个、荣誉称号0个（全区合计）',
    });
  });
});
