import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StackConfig } from './config/StackConfig.js';
import { ApproversDesk } from './constructs/ApproversDesk.js';
import { AwardsTable } from './constructs/AwardsTable.js';
import { DocumentsBucket } from './constructs/DocumentsBucket.js';
import { Monitoring } from './constructs/Monitoring.js';
import { LinksApi } from './constructs/LinksApi.js';
import { RenderFunction } from './constructs/RenderFunction.js';
import { StatisticsFunctions } from './constructs/StatisticsFunctions.js';
import { SweepFunction } from './constructs/SweepFunction.js';
import { VerificationEndpoint } from './constructs/VerificationEndpoint.js';
import { SigningKey } from './constructs/SigningKey.js';
import { VerificationSecret } from './constructs/VerificationSecret.js';

export interface AwardsStackProps extends StackProps {
  readonly config: StackConfig;
}

/** Everything the award document pipeline runs on, secure by default and watched. */
export class AwardsStack extends Stack {
  constructor(scope: Construct, id: string, props: AwardsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.retainData;
    const { table } = new AwardsTable(this, 'Awards', { retain });
    const { bucket } = new DocumentsBucket(this, 'Documents', { retain });
    const links = new LinksApi(this, 'Links', {
      table,
      bucket,
      linkLifetimeSeconds: config.linkLifetimeSeconds,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      reservedConcurrency: { links: config.linksReservedConcurrency, page: config.pageReservedConcurrency },
      retain,
      ...(config.jwtIssuer ? { jwtIssuer: config.jwtIssuer, jwtAudience: config.jwtAudience ?? [] } : {}),
      ...(config.staffSignIn ? { staffSignIn: config.staffSignIn } : {}),
      ...(config.cognitoDomainPrefix ? { cognitoDomainPrefix: config.cognitoDomainPrefix } : {}),
    });
    // Documents' QR codes open the verification page on the API's address, unless a domain is named.
    const verification = {
      secret: new VerificationSecret(this, 'Verification', { retain }),
      baseUrl: config.verifyBaseUrl ?? links.api.apiEndpoint,
    };
    const signing = {
      key: new SigningKey(this, 'Signing', { retain }),
      certificateChain: config.signingCertificateChain,
    };
    if (!config.signingCertificateChain) {
      Annotations.of(this).addWarningV2(
        'awards:unsigned-documents',
        'No signingCertificateChain: documents will be stored UNSIGNED (the UnsignedDocuments alarm fires). ' +
          'After this deployment, have a certificate issued for the SigningKeyArn output ' +
          '(aws kms get-public-key), set signingCertificateChain in cdk.json and deploy again.',
      );
    }
    new VerificationEndpoint(this, 'Verify', {
      table,
      api: links.api,
      stage: links.stage,
      throttle: { rateLimit: config.verifyRateLimit, burstLimit: config.verifyBurstLimit },
      retain,
    });
    new ApproversDesk(this, 'Desk', {
      table,
      api: links.api,
      authorizer: links.authorizer,
      auditTrail: links.auditTrail,
      authority: { name: config.authorityName, code: config.authorityCode },
      reservedConcurrency: config.deskReservedConcurrency,
      retain,
      ...(config.fontFiles ? { fonts: config.fontFiles } : {}),
    });
    const render = new RenderFunction(this, 'Render', {
      table,
      bucket,
      authority: { name: config.authorityName, code: config.authorityCode },
      verification,
      signing,
      retain,
      ...(config.fontFiles ? { fonts: config.fontFiles } : {}),
    });
    const sweep = new SweepFunction(this, 'Sweep', {
      table,
      bucket,
      authority: { name: config.authorityName, code: config.authorityCode },
      verification,
      signing,
      // The stream's fast path retries a failing record for minutes; past 15 it has given up on it.
      every: Duration.minutes(15),
      grace: Duration.minutes(15),
      retain,
      ...(config.fontFiles ? { fonts: config.fontFiles } : {}),
    });
    const statistics = new StatisticsFunctions(this, 'Statistics', {
      table,
      bucket,
      failures: render.failures,
      authority: { name: config.authorityName, code: config.authorityCode },
      verification,
      signing,
      schedule: config.bulletinSchedule,
      timezone: config.scheduleTimezone,
      retain,
      ...(config.fontFiles ? { fonts: config.fontFiles } : {}),
    });
    const monitoring = new Monitoring(this, 'Monitoring', {
      renderFunction: render.function,
      renderFailures: render.failures,
      sweepFunction: sweep.function,
      api: links.api,
      alarmEmails: config.alarmEmails,
    });

    new CfnOutput(this, 'AwardsTableName', {
      value: table.tableName,
      description: 'Set AWARDS_TABLE_NAME to this for npm run awards',
    });
    new CfnOutput(this, 'DocumentsBucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'RenderFailuresQueueUrl', { value: render.failures.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    new CfnOutput(this, 'StaffPageUrl', {
      value: links.pageUrl,
      description: 'The staff page: staff sign in here and download documents',
    });
    new CfnOutput(this, 'VerifyBaseUrl', {
      value: verification.baseUrl,
      description: 'Documents’ QR codes open <this>/verify/<code>, the public verification page',
    });
    new CfnOutput(this, 'SigningKeyArn', {
      value: signing.key.key.keyArn,
      description: 'Have a certificate issued for this key (aws kms get-public-key); set signingCertificateChain',
    });
    new CfnOutput(this, 'ApiUrl', { value: links.api.apiEndpoint, description: 'The staff download API' });
    if (links.userPool && links.userPoolClient) {
      new CfnOutput(this, 'UserPoolId', {
        value: links.userPool.userPoolId,
        description:
          'Create staff here: custom:region = their 盟市, or the department group; ' +
          'approvers are also in the approvers group',
      });
      new CfnOutput(this, 'UserPoolClientId', { value: links.userPoolClient.userPoolClientId });
    }
    new CfnOutput(this, 'BulletinFunctionName', {
      value: statistics.bulletin.functionName,
      description: 'Invoke with {"cutoff": "<ISO time>"} for a bulletin off the schedule',
    });
  }
}
