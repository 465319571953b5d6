import { Duration } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { AWARD_KEY_PATTERN, AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { RENDER_MEMORY_MB } from '../config/renderMemory.js';
import { engineBundle } from './engineBundling.js';
import { PipelineFunction } from './PipelineFunction.js';

/** The desk's routes on the staff API; the other routes there (the links API's) stay with the links function. */
export const DESK_ROUTES: readonly { readonly method: HttpMethod; readonly path: string }[] = [
  { method: HttpMethod.GET, path: '/review' },
  { method: HttpMethod.GET, path: '/awards/{id}/draft' },
  { method: HttpMethod.POST, path: '/awards/{id}/approve' },
  { method: HttpMethod.POST, path: '/awards/{id}/return' },
  { method: HttpMethod.POST, path: '/awards/{id}/reject' },
  { method: HttpMethod.POST, path: '/awards/{id}/revoke' },
  { method: HttpMethod.POST, path: '/awards/approve' },
];

export interface ApproversDeskProps {
  readonly table: Table;
  /** The staff API, whose stage throttle every route shares, and the JWT authorizer its data routes use. */
  readonly api: HttpApi;
  readonly authorizer: IHttpRouteAuthorizer;
  /** The audit log group the links API writes to: the desk appends its decisions and refusals there. */
  readonly auditTrail: LogGroup;
  /** The stack's own authority, whose code a draft of its records that give none shows. */
  readonly authority: { readonly name: string; readonly code: string };
  /** Concurrency reserved for (and capping) the desk function; 0 reserves none. */
  readonly reservedConcurrency: number;
  readonly fonts?: Partial<FontConfig>;
  readonly retain: boolean;
}

/**
 * The approvers' desk on the staff API: its routes behind the same JWT authorizer, in front of a
 * function that draws drafts with the engine (fonts and templates bundled as the render function
 * has them) and may only read awards and make the decisions' conditioned writes of award items.
 */
export class ApproversDesk extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApproversDeskProps) {
    super(scope, id);
    const { bundling, environment } = engineBundle(props.fonts);
    const desk = new PipelineFunction(this, 'Function', {
      entry: 'functions/desk/handler.ts',
      bundling,
      // Drawing is single-threaded and CPU-bound, as rendering is: a whole vCPU keeps a draft as
      // quick as the render function's documents while an approver waits for it, and an approval
      // list (every award drawn before the write) well inside the API's 30-second integration limit.
      memorySize: RENDER_MEMORY_MB,
      // Just under the HTTP API's 30 seconds: past it the caller has already been answered 503.
      timeout: Duration.seconds(29),
      retain: props.retain,
      reservedConcurrency: props.reservedConcurrency,
      environment: {
        ...environment,
        AWARDS_TABLE_NAME: props.table.tableName,
        AUTHORITY_NAME: props.authority.name,
        AUTHORITY_CODE: props.authority.code,
        AUDIT_LOG_GROUP: props.auditTrail.logGroupName,
        POWERTOOLS_SERVICE_NAME: 'desk',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = desk.function;
    desk.role.addToPolicy(
      new PolicyStatement({
        // Read an award, and write it on the revision read: a decision is one conditioned Put, an
        // approval list one transaction of them (each Put of a transaction is authorized as PutItem).
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AWARD_KEY_PATTERN] } },
      }),
    );
    // The review list, region by region. (An index's leading key is its region, not an item's key.)
    const [byRegion] = AWARDS_TABLE.indexes;
    desk.role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${byRegion.name}`],
      }),
    );
    desk.role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [props.auditTrail.logGroupArn],
      }),
    );

    const integration = new HttpLambdaIntegration('Desk', this.function);
    for (const { method, path } of DESK_ROUTES)
      props.api.addRoutes({ path, methods: [method], integration, authorizer: props.authorizer });
  }
}
