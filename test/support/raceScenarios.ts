import { decider } from './deciders.js';
import { expect } from 'vitest';
import type { Award } from '../../functions/core/award/Award.js';
import { AwardChangedMeanwhile, AwardRefusal } from '../../functions/core/award/AwardRefusal.js';
import type { AwardStore } from '../../functions/core/award/AwardStore.js';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import { RenderPipeline } from '../../functions/core/pipeline/RenderPipeline.js';
import { VerificationMarks } from '../../functions/core/verification/VerificationMarks.js';
import { VerificationService } from '../../functions/core/verification/VerificationService.js';
import type { AwardStandings, VerificationIndex } from '../../functions/core/verification/VerifiedDocument.js';
import { exampleJson } from './examples.js';
import { InMemoryAwardStore } from './InMemoryAwardStore.js';
import { InMemoryDocuments } from './InMemoryDocuments.js';
import { PausingAwardStore } from './PausingAwardStore.js';

/** One clock for every run, so that two runs of the same changes give the same awards. */
const now = () => new Date('2020-03-02T09:00:00+08:00');
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
/** Every document is marked with its verification code, so that each race shows what its codes answer. */
const marks = new VerificationMarks({ key: async () => new Uint8Array(32).fill(7) }, 'https://verify.example.org');

/** What one side of a race acts through: an approver's workflow and the render pipeline over the same store. */
interface Actors {
  readonly workflow: AwardWorkflow;
  readonly pipeline: RenderPipeline;
}

function actors(store: AwardStore, documents: InMemoryDocuments): Actors {
  return {
    workflow: new AwardWorkflow(store, now),
    pipeline: new RenderPipeline({ awards: store, documents, marks, log: quiet, metrics: { count: () => {} }, now }),
  };
}

type Act = (actors: Actors, id: string) => Promise<unknown>;

const corrected = (id: string) => ({ ...exampleJson('merit-zhang-peng'), id, deed: '在疫情防控一线表现突出' });
/** The acts that race, each as an approver, a clerk or the stream would do it. */
export const ACTS = {
  approve: (({ workflow }, id) => workflow.approve(id, decider('审核专班'))) as Act,
  secondApproval: (({ workflow }, id) => workflow.approve(id, decider('政治部'))) as Act,
  revoke: (({ workflow }, id) => workflow.revoke(id, '核查不实', decider('审核专班'))) as Act,
  return: (({ workflow }, id) => workflow.returnForCorrection(id, '事迹材料不全', decider('政治部'))) as Act,
  reject: (({ workflow }, id) => workflow.reject(id, '不符合表彰条件', decider('政治部'))) as Act,
  correct: (({ workflow }, id) => workflow.correct(corrected(id), decider('录入员'))) as Act,
  deliver: (({ workflow }, id) =>
    workflow.deliver(id, { at: '2020-03-04T10:00:00+08:00', place: '小区检查点' }, decider('录入员'))) as Act,
  render: (async ({ pipeline, workflow }, id) => pipeline.process((await workflow.get(id))!)) as Act,
};
export type ActName = keyof typeof ACTS;

export interface RaceScenario {
  /** Where the award starts (CORRECTED: rendered, then corrected to version 2 whose documents are not yet made). */
  readonly start: 'SUBMITTED' | 'APPROVED' | 'RENDERED' | 'CORRECTED';
  /** Held between its read and its write … */
  readonly first: ActName;
  /** … while this one lands in the window. */
  readonly second: ActName;
  /** Which one is refused, if either, and a part of what it is told. */
  readonly refused?: { readonly act: 'first' | 'second'; readonly says: string };
}

/** Each pair of concurrent transitions the award's life allows, each way round. */
export const RACES: readonly RaceScenario[] = [
  {
    start: 'RENDERED',
    first: 'correct',
    second: 'revoke',
    refused: { act: 'first', says: 'the award changed meanwhile (now REVOKED, version 1); nothing was changed' },
  },
  {
    start: 'RENDERED',
    first: 'revoke',
    second: 'correct',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 2); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'correct',
    second: 'approve',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'approve',
    second: 'correct',
    refused: { act: 'first', says: 'the award changed meanwhile (now SUBMITTED, version 2); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'approve',
    second: 'secondApproval',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'approve',
    second: 'revoke',
    refused: { act: 'second', says: 'it is SUBMITTED, and only a APPROVED award can be; nothing was changed' },
  },
  {
    start: 'RENDERED',
    first: 'revoke',
    second: 'approve',
    refused: { act: 'second', says: 'it is APPROVED, and only a SUBMITTED award can be; nothing was changed' },
  },
  {
    start: 'RENDERED',
    first: 'deliver',
    second: 'correct',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 2); nothing was changed' },
  },
  {
    start: 'RENDERED',
    first: 'correct',
    second: 'deliver',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 1); nothing was changed' },
  },
  // The approvers' other decisions against approval and correction, each way round.
  {
    start: 'SUBMITTED',
    first: 'approve',
    second: 'return',
    refused: { act: 'first', says: 'the award changed meanwhile (now RETURNED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'return',
    second: 'approve',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'return',
    second: 'correct',
    refused: { act: 'first', says: 'the award changed meanwhile (now SUBMITTED, version 2); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'correct',
    second: 'return',
    refused: { act: 'first', says: 'the award changed meanwhile (now RETURNED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'reject',
    second: 'approve',
    refused: { act: 'first', says: 'the award changed meanwhile (now APPROVED, version 1); nothing was changed' },
  },
  {
    start: 'SUBMITTED',
    first: 'approve',
    second: 'reject',
    refused: { act: 'first', says: 'the award changed meanwhile (now REJECTED, version 1); nothing was changed' },
  },
  // The pipeline's write-back against a revocation, each way round: neither is refused (the revoker
  // only waited on bookkeeping), and the documents end withdrawn either way.
  { start: 'APPROVED', first: 'render', second: 'revoke' },
  { start: 'APPROVED', first: 'revoke', second: 'render' },
  { start: 'APPROVED', first: 'render', second: 'correct' },
  // A correction and a revocation landing together, the correction first: the corrected version's
  // documents are stored while the revocation lands, and must be withdrawn with codes that say so.
  { start: 'CORRECTED', first: 'render', second: 'revoke' },
  { start: 'CORRECTED', first: 'revoke', second: 'render' },
];

export const raceName = ({ start, first, second }: RaceScenario) =>
  `${first} held after its read, ${second} lands meanwhile (from ${start})`;

async function setUp(start: RaceScenario['start'], { workflow, pipeline }: Actors, id: string): Promise<void> {
  await workflow.submit({ ...exampleJson('merit-zhang-peng'), id }, decider('录入员'));
  if (start === 'SUBMITTED') return;
  await workflow.approve(id, decider('审核专班'));
  if (start === 'APPROVED') return;
  await pipeline.process((await workflow.get(id))!);
  if (start === 'CORRECTED') await workflow.correct(corrected(id), decider('录入员'));
}

/**
 * The pipeline acts on the award as it now is until nothing is left to do, as the stream's
 * later records would make it.
 */
async function drain({ pipeline, workflow }: Actors, id: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const outcome = await pipeline.process((await workflow.get(id))!);
    if (outcome.action === 'skipped') return;
  }
}

/** What a person can see of an award: its record and which documents it has, withdrawn or not. */
const visible = (award: Award | undefined) =>
  award && {
    record: award.record,
    documents: award.documents.map(({ key, version, withdrawn }) => ({ key, version, withdrawn: withdrawn === true })),
  };

const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );

/** The end states that the acts give one after the other: each alone, and both in either order. */
async function serialEndStates(scenario: RaceScenario, id: string): Promise<unknown[]> {
  const orders: ActName[][] = [
    [scenario.first],
    [scenario.second],
    [scenario.first, scenario.second],
    [scenario.second, scenario.first],
  ];
  const states = [];
  for (const order of orders) {
    const store = new InMemoryAwardStore();
    const serial = actors(store, new InMemoryDocuments());
    await setUp(scenario.start, serial, id);
    for (const act of order) await settle(ACTS[act](serial, id));
    await drain(serial, id);
    states.push(visible(await store.get(id)));
  }
  return states;
}

/** Where a race's awards are kept, and where the verification page looks their codes up. */
export interface RaceStorage {
  readonly store: AwardStore;
  readonly verifications: VerificationIndex & AwardStandings;
}

/**
 * A code finds a document exactly when the award lists it, and says how it stands now: revoked
 * with its award, superseded by a later version, or valid. A stored document the award does not
 * list (one made for a version corrected meanwhile) was never handed out, and its code finds nothing.
 */
async function expectCodesAnswer(end: Award, documents: InMemoryDocuments, storage: RaceStorage): Promise<void> {
  const verification = new VerificationService({ index: storage.verifications, awards: storage.verifications });
  const markOf = await marks.of(end.record.id);
  const listed = new Map(end.documents.map((ref) => [ref.key, ref]));
  for (const [key, object] of documents.objects) {
    if (object.format !== 'pdf') continue;
    const { code } = markOf(object.kind, object.version);
    const { status } = await verification.verify(code);
    const ref = listed.get(key);
    if (ref === undefined) {
      expect(status, `${key} is not listed: its code finds nothing`).toBe('not-found');
      continue;
    }
    expect(ref.verificationCode, key).toBe(code);
    const standing =
      end.record.status === 'REVOKED' ? 'revoked' : ref.version < end.record.version ? 'superseded' : 'valid';
    expect(status, `${key}: its code ${code}`).toBe(standing);
  }
}

/**
 * Runs one race over a store: the first act is held between its read and its write, the second
 * lands in that window, then the first goes on. The end state must be one that the acts give one
 * after the other, the refused act must say so and change nothing, and a revoked award must end
 * with every document withdrawn, in storage as on the award. Every code answers as the award stands.
 */
export async function runRace(scenario: RaceScenario, storage: RaceStorage, id: string): Promise<void> {
  const { store } = storage;
  const documents = new InMemoryDocuments();
  const plain = actors(store, documents);
  await setUp(scenario.start, plain, id);
  const pausing = new PausingAwardStore(store);
  const held = pausing.holdNextWrite();
  const first = settle(ACTS[scenario.first](actors(pausing, documents), id));
  await held.reached;
  const second = await settle(ACTS[scenario.second](plain, id));
  held.release();
  const results = { first: await first, second };
  await drain(plain, id);

  const end = await store.get(id);
  expect(await serialEndStates(scenario, id)).toContainEqual(visible(end));
  for (const side of ['first', 'second'] as const) {
    const error = results[side];
    if (scenario.refused?.act === side) {
      expect(error, `${side} is refused`).toBeInstanceOf(AwardRefusal);
      expect(error!.message).toContain(scenario.refused.says);
      if (side === 'first') expect(error).toBeInstanceOf(AwardChangedMeanwhile);
    } else {
      expect(error, `${side} succeeds`).toBeUndefined();
    }
  }
  if (end!.record.status === 'REVOKED') {
    expect(end!.documents.length).toBeGreaterThan(0);
    for (const ref of end!.documents) {
      expect(ref.withdrawn, ref.key).toBe(true);
      expect(documents.withdrawn.has(ref.key), ref.key).toBe(true);
      // The OFD beside the PDF is withdrawn with it.
      expect(ref.ofd, ref.key).toBeDefined();
      expect(documents.withdrawn.has(ref.ofd!.key), ref.ofd!.key).toBe(true);
    }
  }
  // Nothing stored is left unaccounted for on a revoked award.
  if (end!.record.status === 'REVOKED')
    for (const key of documents.objects.keys()) expect(documents.withdrawn.has(key), key).toBe(true);
  await expectCodesAnswer(end!, documents, storage);
}
