import { randomUUID } from 'node:crypto';
import {
  type CloudWatchLogsClient,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AuditEntry, AuditTrail } from '../../core/links/AuditTrail.js';
import { storeError } from '../StoreError.js';

/**
 * The audit trail in its own CloudWatch log group (long retention; the function may only append
 * to it): one JSON event per entry, written before the answer leaves, whatever the log level.
 * Each function instance writes its own stream, created on first use.
 */
export class CloudWatchAuditTrail implements AuditTrail {
  private stream: Promise<string> | undefined;

  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly logGroupName: string,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const logStreamName = await this.streamName();
    try {
      await this.logs.send(
        new PutLogEventsCommand({
          logGroupName: this.logGroupName,
          logStreamName,
          logEvents: [{ timestamp: Date.parse(entry.at), message: JSON.stringify(entry) }],
        }),
      );
    } catch (error) {
      throw storeError(`writing the audit trail (${this.logGroupName})`, error);
    }
  }

  private streamName(): Promise<string> {
    this.stream ??= (async () => {
      const name = `${new Date().toISOString().slice(0, 10)}/${randomUUID()}`;
      try {
        await this.logs.send(new CreateLogStreamCommand({ logGroupName: this.logGroupName, logStreamName: name }));
      } catch (error) {
        this.stream = undefined;
        throw storeError(`opening the audit trail (${this.logGroupName})`, error);
      }
      return name;
    })();
    return this.stream;
  }
}
