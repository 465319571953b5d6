import { afterAll, beforeAll, describe, it } from 'vitest';
import { DynamoDbAwardStore } from '../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { createAwardsTable } from '../../local/createResources.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/DynamoDbLocal.js';
import { freePort } from '../../local/ports.js';
import { RACES, raceName, runRace } from '../support/raceScenarios.js';

let dynamo: DynamoDbLocal;
let store: DynamoDbAwardStore;
beforeAll(async () => {
  // No stream consumer runs here: the test alone decides who writes when.
  dynamo = await startDynamoDbLocal({ port: await freePort() });
  await createAwardsTable(dynamo.client, 'awards-races');
  store = new DynamoDbAwardStore(dynamo.client, 'awards-races');
});
afterAll(async () => {
  await dynamo?.stop();
});

describe('concurrent transitions against DynamoDB Local, each write held between its read and its write', () => {
  for (const [index, race] of RACES.entries()) {
    it(raceName(race), () => runRace(race, store, `race-${index}`));
  }
});
