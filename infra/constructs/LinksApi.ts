import { Aws, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { APPROVERS_GROUP, DEPARTMENT_GROUP } from '../../functions/core/links/staffAccess.js';
import type { StaffSignIn } from '../../functions/staffPage/StaffPageConfig.js';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { PipelineFunction, PLAIN_BUNDLING } from './PipelineFunction.js';
import { StaffPage } from './StaffPage.js';

export interface LinksApiProps {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly linkLifetimeSeconds: number;
  /** An existing issuer and the client ids it signs for; without one a Cognito user pool is created. */
  readonly jwtIssuer?: string;
  readonly jwtAudience?: readonly string[];
  /** With jwtIssuer: where the staff page signs in (the issuer's authorization and token endpoints). */
  readonly staffSignIn?: {
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
    readonly logoutUrl?: string;
    readonly scope: string;
  };
  /** The hosted UI's domain prefix (https://<prefix>.auth.<region>.amazoncognito.com); unique per region. */
  readonly cognitoDomainPrefix?: string;
  /** Requests per second the API's stage lets through, and the burst above that. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Concurrency reserved for (and capping) the links and page functions; 0 reserves none. */
  readonly reservedConcurrency: { readonly links: number; readonly page: number };
  readonly retain: boolean;
}

/**
 * The staff download API: an HTTP API whose every data route needs a JWT (from the stack's
 * Cognito user pool and its hosted UI, or an issuer the deployment names), with access logs, in
 * front of the links function; the staff page is served on the same origin.
 */
export class LinksApi extends Construct {
  readonly api: HttpApi;
  /** The API's one stage: its throttle is every route's default; a route may set its own. */
  readonly stage: HttpStage;
  readonly function: NodejsFunction;
  readonly userPool: UserPool | undefined;
  readonly userPoolClient: UserPoolClient | undefined;
  readonly page: StaffPage;
  /** The JWT authorizer of every data route: the approvers' desk's routes use it too. */
  readonly authorizer: HttpJwtAuthorizer;
  /** Every link handed out or refused, and the approvers' decisions and refusals. */
  readonly auditTrail: LogGroup;
  /** Where staff open the page (the hosted UI returns here). */
  readonly pageUrl: string;

  constructor(scope: Construct, id: string, props: LinksApiProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    // Every link handed out or refused, kept ten years in a group of its own: written whatever the
    // log level, and the function may only append to it (no deletion, no retention change).
    this.auditTrail = new LogGroup(this, 'AuditTrail', { retention: RetentionDays.TEN_YEARS, removalPolicy });
    const links = new PipelineFunction(this, 'Function', {
      entry: 'functions/links/handler.ts',
      bundling: PLAIN_BUNDLING,
      // A query and a few signatures per request.
      memorySize: 512,
      timeout: Duration.seconds(10),
      retain: props.retain,
      reservedConcurrency: props.reservedConcurrency.links,
      environment: {
        AWARDS_TABLE_NAME: props.table.tableName,
        DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
        LINK_LIFETIME_SECONDS: String(props.linkLifetimeSeconds),
        AUDIT_LOG_GROUP: this.auditTrail.logGroupName,
        POWERTOOLS_SERVICE_NAME: 'links',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = links.function;
    const byRegion = `${props.table.tableArn}/index/${AWARDS_TABLE.indexes[0].name}`;
    links.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [props.table.tableArn] }));
    links.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [byRegion] }));
    // Presigned links carry this role's signature: it must itself be allowed to read what it hands out.
    links.role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [
          props.bucket.arnForObjects(`${DOCUMENTS_BUCKET.prefixes.awards}*`),
          props.bucket.arnForObjects(`${DOCUMENTS_BUCKET.prefixes.bulletins}*`),
        ],
      }),
    );
    links.role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    links.role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.auditTrail.logGroupArn],
      }),
    );
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of ['awards', 'bulletins']) {
      Validations.of(links.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`,
        reason:
          `Staff download any document under ${prefix}/; ` +
          `which ones a caller may see is decided per request from the token's region.`,
      });
    }

    // The API first: the hosted UI sends staff back to its address, and the authorizer then names the client.
    this.api = new HttpApi(this, 'Api', {
      createDefaultStage: false,
      description: 'Short-lived download links for staff, and the staff page',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      // One client cannot take the functions' capacity (the render function keeps its own).
      throttle: props.throttle,
    });
    const pageAddress = `${this.api.apiEndpoint}/`;

    let issuer = props.jwtIssuer;
    let audience = props.jwtAudience ? [...props.jwtAudience] : [];
    let signIn: StaffSignIn;
    if (issuer === undefined) {
      this.userPool = new UserPool(this, 'Staff', {
        selfSignUpEnabled: false,
        signInAliases: { email: true },
        mfa: Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        passwordPolicy: {
          minLength: 12,
          requireDigits: true,
          requireLowercase: true,
          requireUppercase: true,
          requireSymbols: true,
        },
        accountRecovery: AccountRecovery.EMAIL_ONLY,
        // The 盟市 a member of staff works for; the department's staff are in the department group.
        // Mutable for administrators (moving a clerk to another 盟市); no client may write it (below).
        customAttributes: { region: new StringAttribute({ mutable: true, maxLen: 16 }) },
        removalPolicy,
      });
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan is a cost the deployment decides on: ' +
          'the pool has a handful of administrator-created staff accounts with MFA required.',
      });
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection needs the Cognito Plus feature plan, a cost the deployment decides on; ' +
          'sign-in already requires MFA and an administrator-created account.',
      });
      new CfnUserPoolGroup(this, 'DepartmentGroup', {
        userPoolId: this.userPool.userPoolId,
        groupName: DEPARTMENT_GROUP,
        description: 'Department staff: every region',
      });
      // Membership is all an approver needs: the desk decides from the token's groups and region.
      new CfnUserPoolGroup(this, 'ApproversGroup', {
        userPoolId: this.userPool.userPoolId,
        groupName: APPROVERS_GROUP,
        description: 'Approvers: with department every region, else the 盟市 of their custom:region',
      });
      const domain = this.userPool.addDomain('HostedUi', {
        cognitoDomain: { domainPrefix: props.cognitoDomainPrefix ?? Fn.join('-', ['wartime-awards', Aws.ACCOUNT_ID]) },
      });
      this.userPoolClient = this.userPool.addClient('StaffPage', {
        // Sign-in through the hosted UI only: no direct password or SRP sign-in to the client.
        authFlows: { user: false, userSrp: false, custom: false, adminUserPassword: false },
        // Staff may not change what grants access (custom:region) or any other attribute of theirs.
        writeAttributes: new ClientAttributes(),
        generateSecret: false,
        preventUserExistenceErrors: true,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
          callbackUrls: [pageAddress],
          logoutUrls: [pageAddress],
        },
        // Staff sign in again after a working day: no token, the refresh token included, outlives a shift.
        idTokenValidity: Duration.hours(8),
        accessTokenValidity: Duration.hours(8),
        refreshTokenValidity: Duration.hours(8),
      });
      issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
      audience = [this.userPoolClient.userPoolClientId];
      signIn = {
        kind: 'oidc',
        authorizeUrl: `${domain.baseUrl()}/oauth2/authorize`,
        tokenUrl: `${domain.baseUrl()}/oauth2/token`,
        logoutUrl: `${domain.baseUrl()}/logout`,
        clientId: this.userPoolClient.userPoolClientId,
        scope: 'openid email profile',
      };
    } else {
      if (!props.staffSignIn)
        throw new Error('LinksApi: staffSignIn is required with jwtIssuer (the staff page signs in there)');
      signIn = { kind: 'oidc', ...props.staffSignIn, clientId: audience[0]! };
    }

    this.authorizer = new HttpJwtAuthorizer('StaffJwt', issuer, { jwtAudience: audience });
    const integration = new HttpLambdaIntegration('Links', this.function);
    for (const path of ['/awards', '/awards/{id}/documents', '/bulletins'])
      this.api.addRoutes({ path, methods: [HttpMethod.GET], integration, authorizer: this.authorizer });
    this.page = new StaffPage(this, 'Page', {
      api: this.api,
      signIn,
      retain: props.retain,
      reservedConcurrency: props.reservedConcurrency.page,
    });
    this.pageUrl = pageAddress;
  }
}
