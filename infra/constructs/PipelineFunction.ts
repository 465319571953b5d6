import { resolve } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const ROOT = resolve(import.meta.dirname, '../..');

/** Where Lambda unpacks a function's asset: files bundled beside the code are found here. */
export const TASK_ROOT = '/var/task';

/**
 * One ESM file with its dependencies, by the local esbuild (no Docker). The SDK is bundled too:
 * the version tested here is the version that runs, not the runtime's. CommonJS dependencies
 * (handlebars, pdf-lib) call require() inside the ESM bundle, hence the banner.
 */
export const PLAIN_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  forceDockerBundling: false,
  externalModules: [],
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

export interface PipelineFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  readonly bundling: BundlingOptions;
  readonly environment: Record<string, string>;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly retain: boolean;
  /** Concurrency kept for this function alone, which is also all it may use (none reserved when undefined). */
  readonly reservedConcurrency?: number;
}

/**
 * A function of the pipeline: Node.js 24 on arm64, bundled by the local esbuild, with a log group
 * kept a year and a role of its own that holds only what the owner grants (no managed policy).
 */
export class PipelineFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(ROOT, props.entry),
      projectRoot: ROOT,
      depsLockFilePath: resolve(ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup,
      bundling: props.bundling,
      environment: props.environment,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
    });
  }
}
