import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, CfnUserPoolGroup, Mfa, StringAttribute, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DEPARTMENT_GROUP } from '../../functions/core/links/staffAccess.js';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { PipelineFunction, PLAIN_BUNDLING } from './PipelineFunction.js';

export interface LinksApiProps {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly linkLifetimeSeconds: number;
  /** An existing issuer and the client ids it signs for; without one a Cognito user pool is created. */
  readonly jwtIssuer?: string;
  readonly jwtAudience?: readonly string[];
  readonly retain: boolean;
}

/**
 * The staff download API: an HTTP API whose every route needs a JWT (from the stack's Cognito
 * user pool, or an issuer the deployment names), with access logs, in front of the links function.
 */
export class LinksApi extends Construct {
  readonly api: HttpApi;
  readonly function: NodejsFunction;
  readonly userPool: UserPool | undefined;
  readonly userPoolClient: UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props: LinksApiProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const links = new PipelineFunction(this, 'Function', {
      entry: 'functions/links/handler.ts',
      bundling: PLAIN_BUNDLING,
      // A query and a few signatures per request.
      memorySize: 512,
      timeout: Duration.seconds(10),
      retain: props.retain,
      environment: {
        AWARDS_TABLE_NAME: props.table.tableName,
        DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
        LINK_LIFETIME_SECONDS: String(props.linkLifetimeSeconds),
        POWERTOOLS_SERVICE_NAME: 'links',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = links.function;
    const byRegion = `${props.table.tableArn}/index/${AWARDS_TABLE.indexes[0].name}`;
    links.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [props.table.tableArn] }));
    links.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [byRegion] }));
    // Presigned links carry this role's signature: it must itself be allowed to read what it hands out.
    links.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.bucket.arnForObjects('awards/*'), props.bucket.arnForObjects('bulletins/*')] }));
    links.role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of ['awards', 'bulletins']) {
      Validations.of(links.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`,
        reason: `Staff download any document under ${prefix}/; which ones a caller may see is decided per request from the token's region.`,
      });
    }

    let issuer = props.jwtIssuer;
    let audience = props.jwtAudience ? [...props.jwtAudience] : [];
    if (issuer === undefined) {
      this.userPool = new UserPool(this, 'Staff', {
        selfSignUpEnabled: false,
        signInAliases: { email: true },
        mfa: Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
        accountRecovery: AccountRecovery.EMAIL_ONLY,
        // The 盟市 a member of staff works for; the department's staff are in the department group.
        customAttributes: { region: new StringAttribute({ mutable: true, maxLen: 16 }) },
        removalPolicy,
      });
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: 'The Plus feature plan is a cost the deployment decides on: the pool has a handful of administrator-created staff accounts with MFA required.',
      });
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG3',
        reason: 'Threat protection needs the Cognito Plus feature plan, a cost the deployment decides on; sign-in already requires MFA and an administrator-created account.',
      });
      new CfnUserPoolGroup(this, 'DepartmentGroup', { userPoolId: this.userPool.userPoolId, groupName: DEPARTMENT_GROUP, description: 'Department staff: every region' });
      this.userPoolClient = this.userPool.addClient('StaffPage', { authFlows: { userSrp: true }, generateSecret: false, preventUserExistenceErrors: true });
      issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
      audience = [this.userPoolClient.userPoolClientId];
    }

    this.api = new HttpApi(this, 'Api', {
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer('StaffJwt', issuer, { jwtAudience: audience }),
      description: 'Short-lived download links for staff',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy });
    new HttpStage(this, 'Stage', { httpApi: this.api, stageName: '$default', autoDeploy: true, accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) } });
    const integration = new HttpLambdaIntegration('Links', this.function);
    for (const path of ['/awards', '/awards/{id}/documents', '/bulletins']) this.api.addRoutes({ path, methods: [HttpMethod.GET], integration });
  }
}
