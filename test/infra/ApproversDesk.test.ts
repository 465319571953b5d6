import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDeskPath } from '../../functions/core/desk/deskRequest.js';
import { APPROVERS_GROUP, DEPARTMENT_GROUP } from '../../functions/core/links/staffAccess.js';
import { AWARD_KEY_PATTERN, AWARDS_TABLE, awardKey } from '../../functions/definitions/awardsTable.js';
import { DESK_ROUTES } from '../../infra/constructs/ApproversDesk.js';
import { functionAssetDir, type SynthesizedApp, synthesizeApp } from '../support/synthesizeApp.js';

let synthesized: SynthesizedApp;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeApp();
  template = synthesized.template;
}, 120_000);

const ROUTE_KEYS = [
  'GET /review',
  'GET /awards/{id}/draft',
  'POST /awards/{id}/approve',
  'POST /awards/{id}/return',
  'POST /awards/{id}/reject',
  'POST /awards/{id}/revoke',
  'POST /awards/approve',
];

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

function functionOf(service: string) {
  const entries = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
    ([, resource]) => resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
  );
  expect(entries, service).toHaveLength(1);
  const [id, resource] = entries[0]!;
  return { id, properties: resource.Properties, roleId: resource.Properties.Role['Fn::GetAtt'][0] as string };
}

function statementsOf(roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** The function a route's integration invokes, by its logical id. */
function targetOf(routeKey: string): string {
  const route = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find(
    (r) => r.Properties.RouteKey === routeKey,
  );
  expect(route, routeKey).toBeDefined();
  const integrationId = (route!.Properties.Target['Fn::Join'][1] as unknown[])
    .map((part) => (typeof part === 'object' ? (part as { Ref: string }).Ref : ''))
    .join('');
  const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId]!;
  return integration.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
}

const auditTrailId = () => {
  const ids = Object.keys(template.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 3653 } }));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

describe('the approvers’ desk function', () => {
  it('runs the desk entry on Node.js 24, arm64, on a whole vCPU, answering within the API’s 30 seconds', () => {
    const { properties } = functionOf('desk');
    expect(properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1769,
      Timeout: 29,
      ReservedConcurrentExecutions: 3,
    });
  });

  it('knows the table, the stack’s authority, the audit trail and where the engine’s fonts and templates are', () => {
    const { properties } = functionOf('desk');
    const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
    expect(properties.Environment.Variables).toEqual({
      AWARDS_TABLE_NAME: { Ref: tableId },
      AUTHORITY_NAME: '内蒙古自治区公安厅',
      AUTHORITY_CODE: '内公奖',
      AUDIT_LOG_GROUP: { Ref: auditTrailId() },
      AWARD_FONTS_FILE: '/var/task/fonts/fonts.json',
      AWARD_TEMPLATES_DIR: '/var/task/templates',
      HB_SUBSET_WASM: '/var/task/harfbuzz-subset.wasm',
      AWARD_SRGB_ICC: '/var/task/sRGB.icc',
      AWARD_AUTHORITIES_FILE: '/var/task/authorities.json',
      POWERTOOLS_SERVICE_NAME: 'desk',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
  });

  it('carries the engine’s fonts, templates, subsetter and colour profile in its asset', () => {
    const assetDir = functionAssetDir(synthesized, 'POWERTOOLS_SERVICE_NAME', 'desk');
    for (const file of [
      'index.mjs',
      'fonts/fonts.json',
      'templates',
      'harfbuzz-subset.wasm',
      'sRGB.icc',
      'authorities.json',
    ])
      expect(existsSync(join(assetDir, file)), file).toBe(true);
  });
});

describe('the desk’s routes', () => {
  it('are on the staff API behind its JWT authorizer, each invoking the desk function', () => {
    const desk = functionOf('desk');
    const [authorizerId] = Object.keys(
      template.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { AuthorizerType: 'JWT' } }),
    );
    for (const routeKey of ROUTE_KEYS) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
      expect(targetOf(routeKey), routeKey).toBe(desk.id);
    }
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [desk.id, 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
    });
  });

  it('leave the links API’s routes with the links function', () => {
    const links = functionOf('links');
    for (const routeKey of ['GET /awards', 'GET /awards/{id}/documents', 'GET /bulletins'])
      expect(targetOf(routeKey), routeKey).toBe(links.id);
  });

  it('are exactly the paths the desk answers, and none of the links API’s', () => {
    expect(DESK_ROUTES.map(({ method, path }) => `${method} ${path}`)).toEqual(ROUTE_KEYS);
    for (const { method, path } of DESK_ROUTES)
      expect(isDeskPath(method, path.replace('{id}', 'merit-zhang-peng')), path).toBe(true);
    for (const path of ['/awards', '/awards/merit-zhang-peng/documents', '/bulletins'])
      expect(isDeskPath('GET', path), path).toBe(false);
  });

  it('share the stage’s throttle, with no route setting of their own', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    expect(Object.keys(stage.Properties.RouteSettings ?? {})).toEqual(['GET /verify/{code}', 'GET /verify']);
  });
});

describe('the desk’s role', () => {
  it('may read and conditionally write award items, query byRegion and append to the audit trail', () => {
    const desk = functionOf('desk');
    const tableArn = { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!, 'Arn'] };
    const ownLogs = Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^DeskFunctionLogs'), 'Arn'] });
    const statements = statementsOf(desk.roleId);
    expect(statements).toEqual([
      // The function's own log group, as every function of the stack has it.
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: expect.anything() },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AWARD#*'] } },
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: { 'Fn::Join': ['', [tableArn, `/index/${AWARDS_TABLE.indexes[0].name}`]] },
      },
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [auditTrailId(), 'Arn'] },
      },
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: desk.roleId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Resource: ownLogs })]) },
    });
    expect(awardKey('merit-zhang-peng').startsWith(AWARD_KEY_PATTERN.replace(/\*$/, ''))).toBe(true);
  });

  it('deletes nothing, reads no stream, and touches no bucket, key or secret', () => {
    const desk = functionOf('desk');
    const actions = statementsOf(desk.roleId).flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => !/^(dynamodb|logs):/.test(action))).toEqual([]);
    const forbidden = /^dynamodb:(Delete|\w*Stream|GetRecords|GetShardIterator|Scan|Batch|UpdateItem|PartiQL)/;
    expect(actions.filter((action) => forbidden.test(action))).toEqual([]);
    const role = template.findResources('AWS::IAM::Role')[desk.roleId]!;
    expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    expect(role.Properties.Policies ?? []).toEqual([]);
  });
});

describe('the approvers group', () => {
  it('is in the stack’s user pool beside the department group', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties);
    expect(groups.map((group) => group.GroupName).sort()).toEqual([APPROVERS_GROUP, DEPARTMENT_GROUP].sort());
    expect(groups[0]!.UserPoolId).toEqual(groups[1]!.UserPoolId);
  });
});
