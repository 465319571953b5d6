import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeApp } from '../support/synthesizeApp.js';

let template: Template;

beforeAll(() => {
  // Routes only: the functions' code is not bundled.
  template = synthesizeApp({ 'aws:cdk:bundling-stacks': [] }).template;
}, 120_000);

const routeOf = (key: string) =>
  Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find((r) => r.Properties.RouteKey === key);

describe('the public verification routes', () => {
  it('serve the form GET /verify beside GET /verify/{code}: one function, no authorizer, the same throttle', () => {
    const form = routeOf('GET /verify');
    const page = routeOf('GET /verify/{code}');
    expect(form, 'GET /verify').toBeDefined();
    expect(form!.Properties.AuthorizationType).toBe('NONE');
    expect(form!.Properties.AuthorizerId).toBeUndefined();
    // Both answered by the verify function, through one integration.
    expect(form!.Properties.Target).toEqual(page!.Properties.Target);
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.RouteSettings).toEqual({
      'GET /verify/{code}': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      'GET /verify': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
  });
});
