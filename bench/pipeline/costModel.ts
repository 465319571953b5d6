/**
 * Cost per 10,000 documents on AWS from what the local stack counted per approval: the render
 * function's billed duration at a memory size, its requests, DynamoDB's consumed units, S3
 * requests and one KMS Sign per document, at the published prices in awsPrices.ts.
 *
 * Duration at another memory size is modelled, not measured: the CPU part stretches by
 * 1,769 MB / memory below one vCPU (Lambda gives CPU in proportion to memory), the waiting part
 * (requests to DynamoDB and S3, measured here against local services) does not.
 */
import { AWS_PRICES, MB_PER_VCPU } from './awsPrices.js';

/** What one approval cost the render function, averaged over a kind's approvals. */
export interface PerApproval {
  readonly documents: number;
  readonly invocations: number;
  readonly handlerMs: number;
  readonly cpuMs: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly s3Puts: number;
  readonly s3Gets: number;
}

export interface CostBreakdown {
  readonly memoryMb: number;
  readonly durationMs: number;
  readonly lambdaUsd: number;
  readonly dynamoDbUsd: number;
  readonly s3Usd: number;
  readonly kmsUsd: number;
  readonly per10kDocumentsUsd: number;
}

/** The billed duration of one approval at `memoryMb`. */
export function modelledDurationMs(cost: PerApproval, memoryMb: number): number {
  const waitMs = Math.max(0, cost.handlerMs - cost.cpuMs);
  return cost.cpuMs * Math.max(1, MB_PER_VCPU / memoryMb) + waitMs;
}

export function costPer10kDocuments(cost: PerApproval, memoryMb: number): CostBreakdown {
  const p = AWS_PRICES;
  const durationMs = modelledDurationMs(cost, memoryMb);
  const lambdaUsd =
    cost.invocations * p.lambdaPerRequest + (durationMs / 1000) * (memoryMb / 1024) * p.lambdaArmPerGbSecond;
  const dynamoDbUsd = cost.readUnits * p.dynamoDbPerReadUnit + cost.writeUnits * p.dynamoDbPerWriteUnit;
  const s3Usd = cost.s3Puts * p.s3PerPut + cost.s3Gets * p.s3PerGet;
  const kmsUsd = cost.documents * p.kmsPerRsa2048Request;
  const perDocument = (lambdaUsd + dynamoDbUsd + s3Usd + kmsUsd) / Math.max(cost.documents, 1);
  const scale = 10_000 / Math.max(cost.documents, 1);
  return {
    memoryMb,
    durationMs,
    lambdaUsd: lambdaUsd * scale,
    dynamoDbUsd: dynamoDbUsd * scale,
    s3Usd: s3Usd * scale,
    kmsUsd: kmsUsd * scale,
    per10kDocumentsUsd: perDocument * 10_000,
  };
}
