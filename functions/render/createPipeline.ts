import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AwardStore } from '../core/award/AwardStore.js';
import type { DocumentEngine } from '../core/engine/DocumentEngine.js';
import type { DocumentRepository, PipelineLog } from '../core/pipeline/ports.js';
import { RenderPipeline } from '../core/pipeline/RenderPipeline.js';
import type { AuthoritySigners } from '../core/signing/AuthoritySigners.js';
import type { DocumentSigner } from '../core/signing/DocumentSigner.js';
import type { VerificationMarks } from '../core/verification/VerificationMarks.js';

export interface PipelineSetup {
  readonly awards: AwardStore;
  readonly documents: DocumentRepository;
  /**
   * The stack's own authority (CDK context authorityName, authorityCode): its code is for numbering
   * its orders and praise bulletins whose record gives no authority.code.
   */
  readonly authority?: { readonly name: string; readonly code: string };
  /** The deployment's verification marks (its secret and verifyBaseUrl): every document is marked and indexed. */
  readonly marks?: VerificationMarks;
  /** Signs every stored document: the KMS key in AWS, the development key on the local stack. */
  readonly signer?: DocumentSigner;
  /** Each authority's own signer: when given, a document is signed by its authority's alone. */
  readonly signers?: AuthoritySigners;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly engine?: DocumentEngine;
}

/** The core's structured log lines, written by Powertools' logger. */
export function logTo(logger: Logger): PipelineLog {
  return {
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}

/** The core's counts, as Powertools metrics. */
export function countIn(metrics: Metrics): { count(name: string, value?: number): void } {
  return { count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value) };
}

/** The render pipeline with Powertools' logger and metrics: what the render and sweep functions both run. */
export function createPipeline({
  awards,
  documents,
  authority,
  marks,
  signer,
  signers,
  logger,
  metrics,
  engine,
}: PipelineSetup): RenderPipeline {
  return new RenderPipeline({
    awards,
    documents,
    engine,
    authority,
    marks,
    signer,
    signers,
    log: logTo(logger),
    metrics: countIn(metrics),
  });
}
