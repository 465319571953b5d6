import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rendering loads 10–15 MB fonts once per worker; two workers match the two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Suites start DynamoDB Local (a JVM) in their hooks: on a busy machine that takes longer than 10 s.
    hookTimeout: 120_000,
    // Ends any DynamoDB Local or npm start process that a failed suite left behind.
    globalSetup: ['test/support/globalSetup.ts'],
  },
});
