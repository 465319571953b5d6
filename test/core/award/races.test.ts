import { describe, it } from 'vitest';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryVerifications } from '../../support/InMemoryVerifications.js';
import { RACES, raceName, runRace } from '../../support/raceScenarios.js';

// The same races run against DynamoDB Local in test/integration/races.test.ts.
describe('concurrent transitions over the in-memory store', () => {
  for (const [index, race] of RACES.entries()) {
    it(raceName(race), () => {
      const store = new InMemoryAwardStore();
      return runRace(race, { store, verifications: new InMemoryVerifications(store) }, `race-${index}`);
    });
  }
});
