import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AwardsStack } from './AwardsStack.js';
import { stackConfigFrom } from './config/StackConfig.js';

/** `cdk synth` / `cdk deploy`: the stack, configured from CDK context, checked by cdk-nag's AwsSolutions pack. */
export function buildApp(app: App = new App()): App {
  const config = stackConfigFrom((key) => app.node.tryGetContext(key));
  new AwardsStack(app, 'WartimeAwards', {
    config,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'Wartime award documents: approval-triggered PDFs, statistics bulletins, staff download links',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().synth();
