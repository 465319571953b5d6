/**
 * What the render function asks of DynamoDB and S3, counted by the local stack's own clients: each
 * request made while the render handler runs (an AsyncLocalStorage context, so the statistics
 * consumer and the approvals sharing the clients are not counted) is tallied by command, with the
 * capacity units DynamoDB reports it consumed (ReturnConsumedCapacity=TOTAL), and every document
 * object stored is stamped with the time its PutObject returned.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { RenderHandler } from '../../functions/render/createRenderHandler.js';

export interface Tally {
  /** Requests by command name, e.g. GetItem, TransactWriteItems, PutObject. */
  readonly requests: Map<string, number>;
  /** Documents the engine drew, by kind. */
  readonly renders: Map<string, number>;
  readUnits: number;
  writeUnits: number;
  invocations: number;
  /** Stream records the handler was given. */
  records: number;
  /** Wall time inside the handler, summed over invocations (what Lambda bills). */
  handlerMs: number;
  /** This process's CPU time while the handler ran (the local S3 server's share included). */
  cpuMs: number;
  /** Time inside the engine's render. */
  renderMs: number;
}

export const emptyTally = (): Tally => ({
  requests: new Map(),
  renders: new Map(),
  readUnits: 0,
  writeUnits: 0,
  invocations: 0,
  records: 0,
  handlerMs: 0,
  cpuMs: 0,
  renderMs: 0,
});

interface ConsumedCapacity {
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
  readonly CapacityUnits?: number;
}

export class RequestLedger {
  private readonly context = new AsyncLocalStorage<Tally>();
  tally: Tally = emptyTally();
  /** When each document object was stored (performance.now()), by key. */
  readonly storedAt = new Map<string, number>();

  /** The render handler, counted: everything it asks for while it runs goes to the current tally. */
  wrapHandler = (handler: RenderHandler): RenderHandler => {
    return async (event, context) => {
      const tally = this.tally;
      const start = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await this.context.run(tally, () => handler(event, context));
      } finally {
        const used = process.cpuUsage(cpu);
        tally.invocations++;
        tally.records += event.Records.length;
        tally.handlerMs += performance.now() - start;
        tally.cpuMs += (used.user + used.system) / 1000;
      }
    };
  };

  /** Counts the documents the engine draws inside the render handler, and the time it takes. */
  countRenders(engine: { render(kind: string, ...rest: never[]): Promise<unknown> }): void {
    const render = engine.render;
    const ledger = this;
    // Every argument passed on: the pipeline asks for the OFD through the third.
    engine.render = async function (this: unknown, kind: string, ...rest: never[]) {
      const tally = ledger.current();
      const start = performance.now();
      try {
        return await render.call(this, kind, ...rest);
      } finally {
        if (tally !== undefined) {
          tally.renders.set(kind, (tally.renders.get(kind) ?? 0) + 1);
          tally.renderMs += performance.now() - start;
        }
      }
    };
  }

  /** The running render's tally, if the caller is inside the render handler. */
  current(): Tally | undefined {
    return this.context.getStore();
  }

  countDynamoDb = (client: DynamoDBClient): void => {
    client.middlewareStack.add(
      (next, { commandName = '' }) =>
        async (args) => {
          const tally = this.current();
          if (tally === undefined) return next(args);
          (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
          const result = await next(args);
          this.count(tally, commandName);
          const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] })
            .ConsumedCapacity;
          for (const units of [consumed ?? []].flat()) {
            // Transactions and single-item calls report read and write units apart, or only a total.
            const read = units.ReadCapacityUnits ?? 0;
            const write = units.WriteCapacityUnits ?? 0;
            if (read + write > 0) {
              tally.readUnits += read;
              tally.writeUnits += write;
            } else if (/Get|Query|Scan/.test(commandName)) tally.readUnits += units.CapacityUnits ?? 0;
            else tally.writeUnits += units.CapacityUnits ?? 0;
          }
          return result;
        },
      { step: 'initialize', name: 'benchRequestLedger' },
    );
  };

  countS3 = (client: S3Client): void => {
    client.middlewareStack.add(
      (next, { commandName = '' }) =>
        async (args) => {
          const result = await next(args);
          const key = (args.input as { Key?: string }).Key;
          if (commandName === 'PutObjectCommand' && key?.startsWith('awards/'))
            this.storedAt.set(key, performance.now());
          const tally = this.current();
          if (tally !== undefined) this.count(tally, commandName);
          return result;
        },
      { step: 'initialize', name: 'benchRequestLedger' },
    );
  };

  private count(tally: Tally, commandName: string): void {
    const name = commandName.replace(/Command$/, '');
    tally.requests.set(name, (tally.requests.get(name) ?? 0) + 1);
  }
}
