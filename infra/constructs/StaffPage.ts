import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpNoneAuthorizer, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { StaffSignIn } from '../../functions/staffPage/StaffPageConfig.js';
import { buildStaffPage } from '../../web/staff/build.js';
import { PipelineFunction, PLAIN_BUNDLING, TASK_ROOT } from './PipelineFunction.js';

export interface StaffPageProps {
  readonly api: HttpApi;
  readonly signIn: StaffSignIn;
  readonly retain: boolean;
  /** Its share of the account's concurrency: a flood of page requests cannot take the render function's. */
  readonly reservedConcurrency?: number;
}

/**
 * The staff page on the API's own origin: GET / and GET /staff/{file}, answered by a small
 * function that carries the built page in its asset. Same origin means the page calls the API
 * without CORS, and the hosted UI returns to the API's address.
 */
export class StaffPage extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: StaffPageProps) {
    super(scope, id);
    const built = mkdtempSync(join(tmpdir(), 'staff-page-'));
    for (const [name, body] of buildStaffPage()) writeFileSync(join(built, name), body);
    const page = new PipelineFunction(this, 'Function', {
      entry: 'functions/staffPage/handler.ts',
      bundling: {
        ...PLAIN_BUNDLING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_input: string, output: string) => [
            `mkdir -p '${output}/staff'`,
            `cp '${built}'/* '${output}/staff/'`,
          ],
        },
      },
      // Serves a few kilobytes from memory.
      memorySize: 256,
      reservedConcurrency: props.reservedConcurrency,
      timeout: Duration.seconds(5),
      retain: props.retain,
      environment: {
        STAFF_PAGE_DIR: `${TASK_ROOT}/staff`,
        STAFF_PAGE_CONFIG: Stack.of(this).toJsonString({ signIn: props.signIn }),
      },
    });
    this.function = page.function;
    const integration = new HttpLambdaIntegration('StaffPage', this.function);
    const routes = props.api.addRoutes({
      path: '/',
      methods: [HttpMethod.GET],
      integration,
      authorizer: new HttpNoneAuthorizer(),
    });
    routes.push(
      ...props.api.addRoutes({
        path: '/staff/{file}',
        methods: [HttpMethod.GET],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      }),
    );
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The staff page itself (HTML, script, style, sign-in settings) is public ' +
          'so that staff can load it and sign in; ' +
          'every route that reads awards or hands out links requires the JWT.',
      });
    }
  }
}
