import { Duration, Validations } from 'aws-cdk-lib';
import {
  type CfnStage,
  type HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { STANDING_ATTRIBUTES } from '../../functions/adapters/dynamodb/DynamoDbVerifications.js';
import { AWARDS_TABLE, VERIFICATION_KEY_PATTERN } from '../../functions/definitions/awardsTable.js';
import { PipelineFunction, PLAIN_BUNDLING } from './PipelineFunction.js';

/** The public routes, the form and a code's page; also the keys of their own stage throttle. */
export const VERIFY_ROUTE_KEYS = ['GET /verify/{code}', 'GET /verify'] as const;

export interface VerificationEndpointProps {
  readonly table: Table;
  /** The staff API and its stage: the page is served on the same address, with its own throttle. */
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly retain: boolean;
}

/**
 * The public verification page, GET /verify/{code}, and the form for a typed code, GET /verify
 * (its ?code= redirects to the page): no sign-in, a throttle of its own on the
 * stage (far below the staff API's), and a function that may read one verification item at a
 * time and, of an award, only whether it stands — never a query, a scan, or a record's names.
 */
export class VerificationEndpoint extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: VerificationEndpointProps) {
    super(scope, id);
    const verify = new PipelineFunction(this, 'Function', {
      entry: 'functions/verify/handler.ts',
      bundling: PLAIN_BUNDLING,
      // Two GetItems and a small page per request.
      memorySize: 256,
      timeout: Duration.seconds(5),
      retain: props.retain,
      environment: {
        AWARDS_TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'verify',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = verify.function;
    verify.role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [VERIFICATION_KEY_PATTERN] } },
      }),
    );
    verify.role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AWARD#*'] },
          'ForAllValues:StringEquals': {
            'dynamodb:Attributes': [AWARDS_TABLE.partitionKey.name, ...STANDING_ATTRIBUTES],
          },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );

    const integration = new HttpLambdaIntegration('Verify', this.function);
    const routes = ['/verify/{code}', '/verify'].flatMap((path) =>
      props.api.addRoutes({ path, methods: [HttpMethod.GET], integration, authorizer: new HttpNoneAuthorizer() }),
    );
    for (const route of routes)
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Anyone holding a document verifies it here without signing in; the routes answer one ' +
          'unguessable code at a time (or the form to type it), with what the document itself ' +
          'prints, under their own throttle.',
      });
    const stage = props.stage.node.defaultChild as CfnStage;
    const throttle = { ThrottlingRateLimit: props.throttle.rateLimit, ThrottlingBurstLimit: props.throttle.burstLimit };
    stage.routeSettings = Object.fromEntries(VERIFY_ROUTE_KEYS.map((key) => [key, throttle]));
    // A route's settings name a route that must exist first.
    for (const route of routes) stage.node.addDependency(route);
  }
}
