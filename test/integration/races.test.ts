import { decider } from '../support/deciders.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamodb/documentClient.js';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import { RenderPipeline } from '../../functions/core/pipeline/RenderPipeline.js';
import { exampleJson } from '../support/examples.js';
import { InMemoryDocuments } from '../support/InMemoryDocuments.js';
import { PausingAwardStore } from '../support/PausingAwardStore.js';
import { DynamoDbAwardStore } from '../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { DynamoDbVerifications } from '../../functions/adapters/dynamodb/DynamoDbVerifications.js';
import { createAwardsTable } from '../../local/createResources.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/DynamoDbLocal.js';
import { freePort } from '../../local/ports.js';
import { RACES, raceName, runRace } from '../support/raceScenarios.js';

let dynamo: DynamoDbLocal;
let store: DynamoDbAwardStore;
let verifications: DynamoDbVerifications;
beforeAll(async () => {
  // No stream consumer runs here: the test alone decides who writes when.
  dynamo = await startDynamoDbLocal({ port: await freePort() });
  await createAwardsTable(dynamo.client, 'awards-races');
  store = new DynamoDbAwardStore(dynamo.client, 'awards-races');
  verifications = new DynamoDbVerifications(dynamo.client, 'awards-races');
});
afterAll(async () => {
  await dynamo?.stop();
});

describe('concurrent transitions against DynamoDB Local, each write held between its read and its write', () => {
  for (const [index, race] of RACES.entries()) {
    it(raceName(race), () => runRace(race, { store, verifications }, `race-${index}`));
  }
});

describe('a number voided while a revocation lands, against DynamoDB Local', () => {
  it('the failing write that would void the number finds the award revoked: the revocation stands', async () => {
    const id = 'race-voiding';
    const { documentNumber: _none, ...order } = exampleJson('commendation-order-2020-12');
    const workflow = new AwardWorkflow(store);
    await workflow.submit({ ...order, id, title: '关于表彰𠈌同志的命令' }, decider('录入员'));
    await workflow.approve(id, decider('审核专班'));
    const pausing = new PausingAwardStore(store);
    const documents = new InMemoryDocuments();
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const pipeline = new RenderPipeline({ awards: pausing, documents, log: quiet, metrics: { count: () => {} } });
    // The numbering write goes through; the next one — the render's failure voiding the number — is held.
    const numbering = pausing.holdNextWrite();
    const processing = pipeline.process((await store.get(id))!);
    await numbering.reached;
    numbering.release();
    const voiding = pausing.holdNextWrite();
    await voiding.reached;
    await workflow.revoke(id, '核查不实', decider('审核专班'));
    voiding.release();
    expect(await processing).toEqual({ action: 'skipped', reason: 'no documents to withdraw' });
    const award = (await store.get(id))!;
    // The revocation is not overwritten by the failure: the award stays revoked, holding its
    // number (so the sequence has no gap), and the claim was not voided by the refused write.
    expect(award.record.status).toBe('REVOKED');
    expect(award.rendering.failure).toBeUndefined();
    expect(award.record.documentNumber).toMatch(/^内公奖〔2020〕\d+号$/);
    const serial = Number(/〔2020〕(\d+)号/.exec(award.record.documentNumber as string)![1]);
    const { Item: claim } = await documentClient(dynamo.client).send(
      new GetCommand({ TableName: 'awards-races', Key: { pk: `NUMBER#内公奖#2020#${serial}` } }),
    );
    expect(claim).toMatchObject({ recordId: id });
    expect(claim!.voidedAt).toBeUndefined();
    expect(documents.objects.size).toBe(0);
  });
});
