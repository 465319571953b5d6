/**
 * DynamoDB, S3 and Secrets Manager stubbed by one HTTP server in the benchmark's own process, for
 * the render bundle's cold start with storage out of the way: the award is read back as given,
 * every write succeeds, no object exists before it is put. Each request is stamped on the
 * benchmark's clock (performance.now()), so the cold start can be cut into phases from outside.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { marshall } from '@aws-sdk/util-dynamodb';

export interface StampedRequest {
  readonly at: number;
  /** The DynamoDB or Secrets Manager operation, or the S3 method and path. */
  readonly what: string;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export class FakeAwsEndpoints {
  readonly requests: StampedRequest[] = [];
  private pdfWaiters: ((at: number) => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly awardItem: Record<string, unknown>,
    private readonly secret: string,
  ) {}

  /** Answers on 127.0.0.1 at a free port: `awardItem` to a GetItem of its key, `secret` to GetSecretValue. */
  static async start(awardItem: Record<string, unknown>, secret: string): Promise<FakeAwsEndpoints> {
    let fake: FakeAwsEndpoints | undefined;
    const server = createServer((request, response) => void fake!.answer(request, response));
    fake = new FakeAwsEndpoints(server, awardItem, secret);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** Resolves with the time (benchmark clock) the next PDF is put into the bucket. */
  nextPdfStored(): Promise<number> {
    return new Promise((resolve) => this.pdfWaiters.push(resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const at = performance.now();
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string') {
      const operation = target.replace(/^.*\./, '');
      this.requests.push({ at, what: operation });
      return this.json(response, target.startsWith('secretsmanager.') ? 1.1 : 1.0, this.jsonAnswer(operation, body));
    }
    const path = new URL(request.url ?? '/', this.url);
    this.requests.push({ at, what: `${request.method} ${path.pathname}` });
    if (request.method === 'HEAD') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { etag: '"0"' }).end();
    const isPdf = request.method === 'PUT' && path.pathname.endsWith('.pdf') && !path.searchParams.has('tagging');
    if (isPdf) for (const resolve of this.pdfWaiters.splice(0)) resolve(at);
  }

  private jsonAnswer(operation: string, body: string): unknown {
    if (operation === 'GetSecretValue')
      return { ARN: 'arn:aws:secretsmanager:local:1:secret:v', SecretString: this.secret };
    if (operation === 'GetItem') {
      const key = (JSON.parse(body) as { Key?: { pk?: { S?: string } } }).Key?.pk?.S;
      return key === this.awardItem.pk ? { Item: marshall(this.awardItem, { removeUndefinedValues: true }) } : {};
    }
    if (operation === 'Query') return { Items: [], Count: 0 };
    return {};
  }

  private json(response: ServerResponse, version: number, answer: unknown): void {
    response.writeHead(200, { 'content-type': `application/x-amz-json-${version.toFixed(1)}` });
    response.end(JSON.stringify(answer));
  }
}
