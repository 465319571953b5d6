import { describe, expect, it } from 'vitest';
import { AWS_PRICES } from '../../bench/pipeline/awsPrices.js';
import { costPer10kDocuments, modelledDurationMs } from '../../bench/pipeline/costModel.js';

/** One approval as the pipeline bench counts it: 40 ms of CPU and 20 ms waiting on storage. */
const approval = {
  documents: 1,
  invocations: 2,
  handlerMs: 60,
  cpuMs: 40,
  readUnits: 1,
  writeUnits: 12,
  s3Puts: 1,
  s3Gets: 0,
};

describe('the pipeline cost model', () => {
  it('stretches only the CPU part below one vCPU (1,769 MB), and nothing above it', () => {
    expect(modelledDurationMs(approval, 1769)).toBeCloseTo(60, 6);
    expect(modelledDurationMs(approval, 2048)).toBeCloseTo(60, 6);
    expect(modelledDurationMs(approval, 1769 / 2)).toBeCloseTo(40 * 2 + 20, 6);
  });

  it('prices each part per 10,000 documents at the published rates', () => {
    const cost = costPer10kDocuments(approval, 1024);
    const duration = modelledDurationMs(approval, 1024);
    expect(cost.lambdaUsd).toBeCloseTo(
      10_000 * (2 * AWS_PRICES.lambdaPerRequest + (duration / 1000) * AWS_PRICES.lambdaArmPerGbSecond),
      9,
    );
    expect(cost.dynamoDbUsd).toBeCloseTo(10_000 * (1 * 0.125e-6 + 12 * 0.625e-6), 9);
    expect(cost.s3Usd).toBeCloseTo(10_000 * 0.005e-3, 9);
    expect(cost.kmsUsd).toBeCloseTo(0.03, 9);
    expect(cost.per10kDocumentsUsd).toBeCloseTo(cost.lambdaUsd + cost.dynamoDbUsd + cost.s3Usd + cost.kmsUsd, 9);
  });

  it('divides an approval that makes several documents among them', () => {
    const two = costPer10kDocuments({ ...approval, documents: 2 }, 1024);
    const one = costPer10kDocuments(approval, 1024);
    expect(two.dynamoDbUsd).toBeCloseTo(one.dynamoDbUsd / 2, 9);
    expect(two.kmsUsd).toBeCloseTo(one.kmsUsd, 9);
  });
});
