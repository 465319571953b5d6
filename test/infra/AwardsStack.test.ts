import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, type Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AWARDS_TABLE,
  awardKey,
  claimKey,
  counterKey,
  heldNumberKey,
  NUMBERING_KEY_PATTERNS,
  VERIFICATION_KEY_PATTERN,
  verificationKey,
} from '../../functions/definitions/awardsTable.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { RENDER_FILTER_PATTERNS, STATISTICS_FILTER_PATTERNS } from '../../functions/definitions/streamFilters.js';
import { buildApp } from '../../infra/app.js';
import { StackConfigError, stackConfigFrom } from '../../infra/config/StackConfig.js';
import { functionAssetDir, type SynthesizedApp, synthesizeApp } from '../support/synthesizeApp.js';

let synthesized: SynthesizedApp;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeApp({ alarmEmails: ['duty@example.org'] });
  template = synthesized.template;
}, 120_000);

function directorySize(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, entry) => {
    const child = join(path, entry.name);
    return sum + (entry.isDirectory() ? directorySize(child) : statSync(child).size);
  }, 0);
}

describe('the awards table', () => {
  it('is on-demand, recoverable, streamed, protected and kept, with the shared keys and indexes', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: AWARDS_TABLE.streamView },
        DeletionProtectionEnabled: true,
        KeySchema: [{ AttributeName: AWARDS_TABLE.partitionKey.name, KeyType: 'HASH' }],
        GlobalSecondaryIndexes: AWARDS_TABLE.indexes.map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
          }),
        ),
      },
    });
  });
});

describe('the documents bucket', () => {
  it('blocks public access, is encrypted, versioned, access-logged, expires old versions and is kept', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({
          DestinationBucketName: Match.anyValue(),
          LogFilePrefix: 'documents/',
        }),
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 365 }, Status: 'Enabled' })],
        },
      }),
    });
  });

  it('refuses every request that is not TLS, on both buckets', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values(policies)) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('lets nobody read a document tagged withdrawn, by GET, HEAD or version: not the stack’s roles, not a link', () => {
    const [documentsBucket] = Object.keys(
      template.findResources('AWS::S3::Bucket', {
        Properties: { VersioningConfiguration: { Status: 'Enabled' } },
      }),
    );
    const [policy] = Object.values(
      template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: documentsBucket } } }),
    );
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, unknown>[];
    const tagged = statements.filter((statement) => JSON.stringify(statement.Condition).includes('ExistingObjectTag'));
    expect(tagged).toEqual([
      {
        Sid: 'DenyReadingWithdrawnDocuments',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [documentsBucket, 'Arn'] }, '/*']] },
        // The tag the render function sets on a revoked award's documents, with no exception by principal.
        Condition: {
          StringEquals: { [`s3:ExistingObjectTag/${DOCUMENTS_BUCKET.withdrawnTag.key}`]: 'true' },
        },
      },
    ]);
  });
});

describe('the render function', () => {
  it('runs on Node.js 24, arm64, with the engine pointed at its bundled fonts and templates', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1769,
      Environment: {
        Variables: Match.objectLike({
          AWARD_FONTS_FILE: '/var/task/fonts/fonts.json',
          AWARD_TEMPLATES_DIR: '/var/task/templates',
          HB_SUBSET_WASM: '/var/task/harfbuzz-subset.wasm',
          AWARD_SRGB_ICC: '/var/task/sRGB.icc',
          AWARD_AUTHORITIES_FILE: '/var/task/authorities.json',
          AWARDS_TABLE_NAME: Match.anyValue(),
          DOCUMENTS_BUCKET_NAME: Match.anyValue(),
        }),
      },
    });
  });

  it('starts without Node’s source-map support, which would parse the bundle’s map on every cold start', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const rendering = functions.filter((fn) => fn.Properties.Environment?.Variables?.AWARD_FONTS_FILE);
    expect(rendering.length).toBeGreaterThan(0);
    for (const fn of rendering) expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
  });

  it('knows the stack’s own authority and its code, for numbering that authority’s records that give no code', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'render',
          AUTHORITY_NAME: '内蒙古自治区公安厅',
          AUTHORITY_CODE: '内公奖',
        }),
      },
    });
  });

  it('reads the stream through the shared filter: partial batch responses, bisection, limits, on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: { Filters: RENDER_FILTER_PATTERNS.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: {
        OnFailure: {
          Destination: Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('RenderFailures'), 'Arn'] }),
        },
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    const queuePolicy = Object.values(template.findResources('AWS::SQS::QueuePolicy'))[0]!;
    expect(queuePolicy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('may read and write award items and write documents under awards/, and nothing more', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
    );
    const actions = new Set(statements.flatMap((statement) => [statement.Action].flat()));
    expect(actions).toEqual(
      new Set([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        's3:GetObject',
        's3:PutObject',
        's3:PutObjectTagging',
        's3:ListBucket',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'dynamodb:ListStreams',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'lambda:InvokeFunction',
        // The functions that make documents read the verification secret, and nothing else of Secrets Manager.
        'secretsmanager:GetSecretValue',
        // The functions that store documents sign them with the stack's key, and do nothing else of KMS.
        'kms:Sign',
      ]),
    );
    const objects = statements.find((statement) => [statement.Action].flat().includes('s3:PutObject')) as unknown as {
      Resource: unknown;
    };
    expect(JSON.stringify(objects.Resource)).toContain('/awards/*');
  });

  it('grants no "*" action on "*" resources anywhere, nor any managed policy', () => {
    const documents = [
      ...Object.values(template.findResources('AWS::IAM::Policy')).map((r) => r.Properties.PolicyDocument),
      ...Object.values(template.findResources('AWS::IAM::Role')).flatMap((r) =>
        (r.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
      ),
    ];
    for (const document of documents) {
      for (const statement of document.Statement as {
        Effect: string;
        Action: string | string[];
        Resource: unknown;
      }[]) {
        const actions = [statement.Action].flat();
        const resources = [statement.Resource].flat();
        if (statement.Effect === 'Allow')
          expect(
            actions.some((a) => a === '*' || a.endsWith(':*')) && resources.includes('*'),
            JSON.stringify(statement),
          ).toBe(false);
      }
    }
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    }
  });

  it('bundles into an asset under 64 MB unzipped', () => {
    const manifest = JSON.parse(readFileSync(join(synthesized.outdir, 'WartimeAwards.assets.json'), 'utf8')) as {
      files: Record<string, { source: { path: string; packaging?: string } }>;
    };
    const sizes = Object.values(manifest.files)
      .filter((file) => file.source.packaging === 'zip')
      .map((file) => directorySize(join(synthesized.outdir, file.source.path)));
    // The render, sweep, bulletin and desk functions carry fonts; counting, links, staff page and verify do not.
    expect(sizes).toHaveLength(8);
    expect(sizes.filter((size) => size > 40 * 1024 * 1024)).toHaveLength(4);
    for (const size of sizes) expect(size).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('the document-signing key', () => {
  it('is an RSA-2048 KMS key for signing only, whose policy leaves it to the account’s IAM', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: 'RSA_2048',
      KeyUsage: 'SIGN_VERIFY',
      KeyPolicy: {
        Statement: [
          Match.objectLike({
            Action: 'kms:*',
            Effect: 'Allow',
            Principal: { AWS: Match.anyValue() },
            Resource: '*',
          }),
        ],
      },
    });
    expect(Object.keys(template.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'RSA_2048' } }))).toHaveLength(
      1,
    );
  });

  it('may be used by the render, sweep and bulletin roles for kms:Sign on that key alone, by no other', () => {
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'RSA_2048' } }));
    const kmsStatements = Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([id, policy]) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('kms:')))
        .map((statement) => ({ id, ...statement })),
    );
    expect(kmsStatements.map(({ id }) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'RenderFunctionRoleDefaultPolicy',
      'StatisticsBulletinRoleDefaultPolicy',
      'SweepFunctionRoleDefaultPolicy',
    ]);
    for (const statement of kmsStatements) {
      expect(statement.Action).toBe('kms:Sign');
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
  });

  it('reaches the functions with the certificate chain from context, or none until one is issued', () => {
    const render = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'render',
    )!;
    expect(render.Properties.Environment.Variables.SIGNING_KEY_ID).toEqual({
      'Fn::GetAtt': [expect.any(String), 'Arn'],
    });
    expect(render.Properties.Environment.Variables.SIGNING_CERTIFICATE_CHAIN).toBeUndefined();
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(stackConfigFrom((key) => ({ signingCertificateChain: pem })[key]).signingCertificateChain).toBe(pem);
    expect(() => stackConfigFrom((key) => ({ signingCertificateChain: 'not a certificate' })[key])).toThrow(
      StackConfigError,
    );
  });

  it('without a certificate chain, warns at synth that documents will be stored unsigned; with one, not', () => {
    expect(synthesized.warnings.filter((warning) => warning.includes('UNSIGNED'))).toEqual([
      expect.stringContaining('set signingCertificateChain in cdk.json'),
    ]);
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const signed = synthesizeApp({ signingCertificateChain: pem });
    expect(signed.warnings.filter((warning) => warning.includes('UNSIGNED'))).toEqual([]);
    for (const service of ['render', 'sweep', 'bulletin'])
      signed.template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: service, SIGNING_CERTIFICATE_CHAIN: pem }),
        },
      });
  }, 120_000);

  it('alarms on any document stored unsigned, by the render, sweep or bulletin function', () => {
    const [alarm] = Object.values(
      template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: Match.absent() } }),
    )
      .map((a) => a.Properties)
      .filter((a) => a.Metrics?.some((m: { Expression?: string }) => m.Expression?.includes('FILL(render')));
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const metrics = (alarm!.Metrics as { Id: string; MetricStat?: { Metric: Record<string, unknown> } }[])
      .filter((m) => m.MetricStat)
      .map((m) => [m.Id, m.MetricStat!.Metric]);
    expect(Object.fromEntries(metrics)).toEqual({
      render: {
        MetricName: 'UnsignedDocuments',
        Namespace: 'WartimeAwards',
        Dimensions: [{ Name: 'service', Value: 'render' }],
      },
      sweep: {
        MetricName: 'UnsignedDocuments',
        Namespace: 'WartimeAwards',
        Dimensions: [{ Name: 'service', Value: 'sweep' }],
      },
      bulletin: {
        MetricName: 'UnsignedDocuments',
        Namespace: 'WartimeAwards',
        Dimensions: [{ Name: 'service', Value: 'bulletin' }],
      },
    });
    expect(alarm!.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^MonitoringAlarms/) }]);
  });
});

describe('the statistics bulletin', () => {
  it('keeps figures from the stream through its own filter, sharing the on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: STATISTICS_FILTER_PATTERNS.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('compiles on the configured schedule in Asia/Shanghai time, cut off at the scheduled time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Input: JSON.stringify({ cutoff: '<aws.scheduler.scheduled-time>' }) }),
    });
  });

  it('numbers each bulletin from the stack’s own authority code, the one the render function numbers with', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'bulletin',
          AUTHORITY_NAME: '内蒙古自治区公安厅',
          AUTHORITY_CODE: '内公奖',
        }),
      },
    });
  });

  it('may read and write the numbering items and its verification item alone, never an award', () => {
    const [entry] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([, resource]) => resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'bulletin',
    );
    const roleId = entry![1].Properties.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();
    const writes = statements.filter((statement) => actionsOf(statement).includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      Condition: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['COUNTER#*', 'NUMBER#*', 'HELD#*', 'VERIFY#*'] },
      },
    });
    // The patterns are the key formats the adapter writes: a counter, a claim and a held number, no award.
    const matches = (key: string) =>
      NUMBERING_KEY_PATTERNS.some((pattern) => key.startsWith(pattern.replace(/\*$/, '')));
    for (const key of [counterKey('内公奖', 2020), claimKey('内公奖', 2020, 13), heldNumberKey('bulletin/x')])
      expect(matches(key), key).toBe(true);
    expect(matches(awardKey('merit-zhang-peng'))).toBe(false);
    expect(verificationKey('AAAAA-BBBBB-CCCCC-DDDDD').startsWith(VERIFICATION_KEY_PATTERN.replace(/\*$/, ''))).toBe(
      true,
    );
    const itemAccess = statements.filter((statement) => actionsOf(statement).some((a) => /^dynamodb:\w+Item$/.test(a)));
    // Besides it, only the batch read of the 13 kept figures.
    expect(itemAccess.map(actionsOf)).toEqual([['dynamodb:BatchGetItem'], ['dynamodb:GetItem', 'dynamodb:PutItem']]);
  });

  it('takes the schedule, time zone and authority from context (its code numbers in render and bulletin)', () => {
    const custom = synthesizeApp({
      bulletinSchedule: 'cron(0 20 ? * FRI *)',
      scheduleTimezone: 'Asia/Urumqi',
      authorityName: '乌海市公安局',
      authorityCode: '乌公奖',
    }).template;
    custom.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 20 ? * FRI *)',
      ScheduleExpressionTimezone: 'Asia/Urumqi',
    });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'bulletin',
          AUTHORITY_NAME: '乌海市公安局',
          AUTHORITY_CODE: '乌公奖',
        }),
      },
    });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'render',
          AUTHORITY_NAME: '乌海市公安局',
          AUTHORITY_CODE: '乌公奖',
        }),
      },
    });
  }, 120_000);
});

describe('access that cannot be widened, and an audit trail', () => {
  it('lets no staff member write an attribute, sign in past the hosted UI, or stay signed in past a shift', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      WriteAttributes: [],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenValidity: 480,
      TokenValidityUnits: { RefreshToken: 'minutes' },
    });
  });

  it('throttles the API stage and reserves (and caps) the links, page and desk functions’ concurrency', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    const reserved = Object.values(template.findResources('AWS::Lambda::Function'))
      .map((fn) => [
        fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
        fn.Properties.ReservedConcurrentExecutions,
      ])
      .filter(([, reservation]) => reservation !== undefined);
    expect(reserved).toEqual(
      expect.arrayContaining([
        ['links', 10],
        [undefined, 2],
        ['desk', 3],
      ]),
    );
    expect(reserved).toHaveLength(3);
    const tuned = synthesizeApp({
      apiRateLimit: 5,
      apiBurstLimit: 10,
      linksReservedConcurrency: 0,
      pageReservedConcurrency: 0,
      deskReservedConcurrency: 0,
    });
    tuned.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    const anyReserved = Object.values(tuned.template.findResources('AWS::Lambda::Function')).some(
      (fn) => fn.Properties.ReservedConcurrentExecutions !== undefined,
    );
    expect(anyReserved).toBe(false);
  });

  it('keeps an audit log group ten years, which the links and desk functions may append to, nobody delete from', () => {
    const auditIds = Object.keys(
      template.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 3653 } }),
    );
    expect(auditIds).toHaveLength(1);
    const auditId = auditIds[0]!;
    const links = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'links',
    )!;
    const desk = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'desk',
    )!;
    expect(links.Properties.Environment.Variables.AUDIT_LOG_GROUP).toEqual({ Ref: auditId });
    expect(desk.Properties.Environment.Variables.AUDIT_LOG_GROUP).toEqual({ Ref: auditId });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const onAudit = statements.filter((statement) => JSON.stringify(statement.Resource).includes(auditId));
    expect(onAudit.map((statement) => [statement.Action].flat())).toEqual([
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    const everyAction = statements.flatMap((statement) => [statement.Action].flat());
    expect(everyAction.filter((action) => /^logs:(Delete|PutRetentionPolicy)/.test(action))).toEqual([]);
  });
});

describe('the staff download API', () => {
  it('needs a JWT from the stack’s own user pool on every data route, and logs access', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        Audience: [Match.objectLike({ Ref: Match.stringLikeRegexp('StaffPage') })],
      },
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(Object.fromEntries(routes.map((r) => [r.RouteKey, r.AuthorizationType]))).toEqual({
      'GET /awards': 'JWT',
      'GET /awards/{id}/documents': 'JWT',
      'GET /bulletins': 'JWT',
      // The approvers' desk.
      'GET /review': 'JWT',
      'GET /awards/{id}/draft': 'JWT',
      'POST /awards/{id}/approve': 'JWT',
      'POST /awards/{id}/return': 'JWT',
      'POST /awards/{id}/reject': 'JWT',
      'POST /awards/{id}/revoke': 'JWT',
      'POST /awards/approve': 'JWT',
      // The page itself: staff load it before they have a token.
      'GET /': 'NONE',
      'GET /staff/{file}': 'NONE',
      // The verification page: whoever holds a document checks it without signing in.
      'GET /verify/{code}': 'NONE',
      'GET /verify': 'NONE',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'department' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LINK_LIFETIME_SECONDS: '900' }) },
    });
  });

  it('signs staff in via the hosted UI with the authorization code flow, back to the page on the API’s address', () => {
    const pageAddress = {
      'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('LinksApi'), 'ApiEndpoint'] }, '/']],
    };
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      GenerateSecret: false,
      CallbackURLs: [pageAddress],
      LogoutURLs: [pageAddress],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['-', ['wartime-awards', { Ref: 'AWS::AccountId' }]] },
    });
    template.hasOutput('StaffPageUrl', { Value: pageAddress });
    const page = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.STAFF_PAGE_CONFIG,
    )!;
    const config = JSON.stringify(page.Properties.Environment.Variables.STAFF_PAGE_CONFIG);
    expect(config).toContain('.amazoncognito.com/oauth2/token');
    expect(config).toContain('\\"kind\\":\\"oidc\\"');
  });

  it('carries the built staff page in the page function’s asset, and serves it from there', async () => {
    const assetDir = functionAssetDir(synthesized, 'STAFF_PAGE_DIR');
    expect(readdirSync(join(assetDir, 'staff')).sort()).toEqual(['app.js', 'index.html', 'style.css']);
    const config = {
      signIn: {
        kind: 'oidc',
        authorizeUrl: 'https://hr.example.org/authorize',
        tokenUrl: 'https://hr.example.org/token',
        clientId: 'c',
        scope: 'openid',
      },
    };
    const script =
      `const { handler } = await import(${JSON.stringify(join(assetDir, 'index.mjs'))}); ` +
      `for (const rawPath of ['/', '/staff/app.js', '/staff/config.json', '/nothing']) { ` +
      `const r = await handler({ rawPath }); ` +
      `console.log(JSON.stringify([r.statusCode, r.headers['content-type'], r.body.length, ` +
      `r.headers['content-security-policy']])); }`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, STAFF_PAGE_DIR: join(assetDir, 'staff'), STAFF_PAGE_CONFIG: JSON.stringify(config) },
    });
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as [number, string, number, string]);
    expect(answers.map(([status, type]) => [status, type])).toEqual([
      [200, 'text/html; charset=utf-8'],
      [200, 'text/javascript; charset=utf-8'],
      [200, 'application/json; charset=utf-8'],
      [404, 'text/html; charset=utf-8'],
    ]);
    expect(answers[1]![2]).toBe(statSync(join(assetDir, 'staff', 'app.js')).size);
    expect(answers[0]![3]).toContain("connect-src 'self' https://hr.example.org;");
  });

  it('trusts an existing issuer instead, when the deployment names one and where its page signs in', () => {
    const custom = synthesizeApp({
      jwtIssuer: 'https://login.example.org',
      jwtAudience: '["staff-page"]',
      staffSignIn:
        '{"authorizeUrl": "https://login.example.org/authorize", "tokenUrl": "https://login.example.org/token"}',
      linkLifetimeSeconds: '600',
    }).template;
    custom.resourceCountIs('AWS::Cognito::UserPool', 0);
    custom.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://login.example.org', Audience: ['staff-page'] },
    });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LINK_LIFETIME_SECONDS: '600' }) },
    });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          STAFF_PAGE_CONFIG: JSON.stringify({
            signIn: {
              kind: 'oidc',
              authorizeUrl: 'https://login.example.org/authorize',
              tokenUrl: 'https://login.example.org/token',
              scope: 'openid',
              clientId: 'staff-page',
            },
          }),
        }),
      },
    });
  }, 120_000);
});

describe('the verification page', () => {
  const functionOf = (service: string, of: Template = template) => {
    const [entry] = Object.entries(of.findResources('AWS::Lambda::Function')).filter(
      ([, resource]) => resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
    );
    expect(entry, service).toBeDefined();
    return { id: entry![0], properties: entry![1].Properties };
  };
  const statementsOf = (roleId: string) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap(
        (policy) =>
          policy.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Resource: unknown;
            Condition?: unknown;
          }[],
      );

  it('is a public route on the staff API, without an authorizer, under a throttle of its own', () => {
    const route = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties.RouteKey === 'GET /verify/{code}',
    )!;
    expect(route.Properties.AuthorizationType).toBe('NONE');
    expect(route.Properties.AuthorizerId).toBeUndefined();
    const { id } = functionOf('verify');
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [id, 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      RouteSettings: {
        'GET /verify/{code}': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
        'GET /verify': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      },
    });
  });

  it('keeps a generated secret, never rotated, that the functions making documents may read', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(1);
    const [secretId, secret] = Object.entries(secrets)[0]!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(template.findResources('AWS::SecretsManager::RotationSchedule')).toEqual({});
    for (const service of ['render', 'sweep', 'bulletin']) {
      const { properties } = functionOf(service);
      expect(properties.Environment.Variables.VERIFICATION_SECRET_ID).toEqual({ Ref: secretId });
      // Default verifyBaseUrl: the API's own address, where GET /verify/{code} answers.
      expect(properties.Environment.Variables.VERIFY_BASE_URL).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^LinksApi/), 'ApiEndpoint'],
      });
      const reads = statementsOf(properties.Role['Fn::GetAtt'][0] as string).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')),
      );
      expect(reads, service).toEqual([
        expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId } }),
      ]);
    }
    // The verify function derives nothing: it may not read the secret.
    const verifyRole = functionOf('verify').properties.Role['Fn::GetAtt'][0] as string;
    expect(JSON.stringify(statementsOf(verifyRole))).not.toContain('secretsmanager');
  });

  it('reads one verification item at a time, and of an award only whether it stands: no query, scan or write', () => {
    const { properties } = functionOf('verify');
    const statements = statementsOf(properties.Role['Fn::GetAtt'][0] as string).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
    );
    expect(statements).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:GetItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['VERIFY#*'] } },
      }),
      expect.objectContaining({
        Action: 'dynamodb:GetItem',
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AWARD#*'] },
          'ForAllValues:StringEquals': {
            'dynamodb:Attributes': ['pk', 'itemType', 'status', 'version', 'revokedAt'],
          },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    ]);
  });

  it('takes its address and throttle from context', () => {
    const custom = synthesizeApp({
      verifyBaseUrl: 'https://yz.example.gov.cn/',
      verifyRateLimit: 2,
      verifyBurstLimit: 3,
    });
    expect(functionOf('render', custom.template).properties.Environment.Variables.VERIFY_BASE_URL).toBe(
      'https://yz.example.gov.cn/',
    );
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        'GET /verify/{code}': { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 3 },
        'GET /verify': { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 3 },
      },
    });
    expect(() => stackConfigFrom((key) => ({ verifyBaseUrl: 'http://yz.example.gov.cn' })[key])).toThrow(
      'verifyBaseUrl: must be an https:// URL',
    );
  }, 120_000);
});

describe('the sweep', () => {
  const sweepFunction = () => {
    const [entry] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([, resource]) => resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'sweep',
    );
    expect(entry).toBeDefined();
    return { id: entry![0], properties: entry![1].Properties };
  };

  it('runs every 15 minutes, taking awards that have lagged for 15 minutes', () => {
    const { id, properties } = sweepFunction();
    expect(properties.Environment.Variables).toMatchObject({
      SWEEP_GRACE_SECONDS: '900',
      AUTHORITY_CODE: '内公奖',
      AWARDS_TABLE_NAME: { Ref: expect.stringMatching(/^AwardsTable/) },
      DOCUMENTS_BUCKET_NAME: { Ref: expect.stringMatching(/^DocumentsBucket/) },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: { Arn: { 'Fn::GetAtt': [id, 'Arn'] } },
    });
  });

  it('may query the byLag index only (no scan), and read and write awards and their documents', () => {
    const { properties } = sweepFunction();
    const roleId = properties.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
    const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
    expect(actions).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'kms:Sign',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      's3:PutObjectTagging',
      'secretsmanager:GetSecretValue',
    ]);
    const query = statements.find((statement) => [statement.Action].flat().includes('dynamodb:Query'))!;
    expect(JSON.stringify(query.Resource)).toContain('/index/byLag');
    expect(JSON.stringify(template.toJSON())).not.toContain('dynamodb:Scan');
  });
});

describe('monitoring', () => {
  it('sends render, record, deployment, sweep, queue, iterator-age and 5xx alarms to an encrypted topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.map((a) => a.MetricName).sort()).toEqual([
      '5xx',
      'ApproximateNumberOfMessagesVisible',
      'AwardsSwept',
      'DeploymentFaults',
      'Errors',
      'Errors',
      'InvalidRecords',
      'IteratorAge',
      // The expression over UnsignedDocuments of three services has no single metric name.
      undefined,
    ]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AwardsSwept',
      Namespace: 'WartimeAwards',
      Dimensions: [{ Name: 'service', Value: 'sweep' }],
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DeploymentFaults',
      Namespace: 'WartimeAwards',
      Dimensions: [{ Name: 'service', Value: 'render' }],
      Threshold: 1,
    });
    for (const alarm of alarms)
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^MonitoringAlarms/) }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'duty@example.org' });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions finding on the stack', () => {
    // buildApp registers AwsSolutionsChecks; synth in beforeAll would have thrown on any finding.
    expect(template.findResources('AWS::Lambda::Function')).not.toEqual({});
  });

  it('does report a finding that nobody acknowledged', () => {
    const app = buildApp(new App({ outdir: `${synthesized.outdir}-nag` }));
    const stack = app.node.findChild('WartimeAwards') as Stack;
    new Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/The S3 Bucket has server access logs disabled/);
  });
});

describe('configuration from context', () => {
  it('fails with the key and the rule for bad values', () => {
    const context = (values: Record<string, unknown>) => (key: string) => values[key];
    expect(() => stackConfigFrom(context({ linkLifetimeSeconds: 700000 }))).toThrow(
      'linkLifetimeSeconds: must be at most 604800 (the SigV4 maximum)',
    );
    expect(() => stackConfigFrom(context({ alarmEmails: ['not-an-address'] }))).toThrow(
      'alarmEmails.0: must be an e-mail address',
    );
    expect(() => stackConfigFrom(context({ bulletinSchedule: 'every day' }))).toThrow(
      'bulletinSchedule: must be cron(…) or rate(…)',
    );
    expect(() => stackConfigFrom(context({ authorityCode: '  ' }))).toThrow('authorityCode: ');
    expect(() => stackConfigFrom(context({ linkLifetimeSeconds: '[' }))).toThrow(StackConfigError);
    expect(() => stackConfigFrom(context({ jwtIssuer: 'https://issuer.example.org' }))).toThrow(
      'jwtAudience: required with jwtIssuer',
    );
    expect(() => stackConfigFrom(context({ jwtIssuer: 'https://issuer.example.org', jwtAudience: ['page'] }))).toThrow(
      'staffSignIn: required with jwtIssuer',
    );
    expect(() => stackConfigFrom(context({ cognitoDomainPrefix: 'My_Awards' }))).toThrow(
      'cognitoDomainPrefix: must be lower-case letters',
    );
    expect(() => stackConfigFrom(context({ cognitoDomainPrefix: 'awards-cognito' }))).toThrow(
      'cognitoDomainPrefix: must not contain aws, amazon or cognito',
    );
    expect(() => buildApp(new App({ context: { retainData: 'maybe' } }))).toThrow(/retainData/);
  });

  it('reads -c values given as strings', () => {
    const config = stackConfigFrom(
      (key) => ({ linkLifetimeSeconds: '600', alarmEmails: '["a@example.org"]', retainData: 'false' })[key],
    );
    expect(config).toMatchObject({ linkLifetimeSeconds: 600, alarmEmails: ['a@example.org'], retainData: false });
  });
});
