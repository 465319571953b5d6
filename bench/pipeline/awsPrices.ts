/**
 * Published AWS prices used by the cost model, us-east-1, USD, as read on the pages named (see the
 * README's Performance section for the dates; check them before relying on the totals).
 */
export const AWS_PRICES = {
  /** https://aws.amazon.com/lambda/pricing/ — Arm, first 7.5 billion GB-s a month. */
  lambdaArmPerGbSecond: 0.0000133334,
  /** Same page: per request, both architectures ($0.20 per million). */
  lambdaPerRequest: 0.2 / 1e6,
  /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — after the 1 Nov 2024 cut. */
  dynamoDbPerWriteUnit: 0.625 / 1e6,
  dynamoDbPerReadUnit: 0.125 / 1e6,
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard PUT, COPY, POST, LIST per request. */
  s3PerPut: 0.005 / 1000,
  /** Same page: GET, SELECT and all other requests (HEAD included). */
  s3PerGet: 0.0004 / 1000,
  /** https://aws.amazon.com/kms/pricing/ — requests involving RSA 2048 keys (one Sign per document). */
  kmsPerRsa2048Request: 0.03 / 10_000,
} as const;

/** Lambda gives a function one full vCPU at 1,769 MB, proportionally less below (Lambda developer guide). */
export const MB_PER_VCPU = 1769;
