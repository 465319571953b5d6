import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type Award, awardOfRecord } from '../../functions/core/award/Award.js';
import { renderedLines, reportingRenders } from '../../local/reportingRenders.js';
import { exampleJson } from '../support/examples.js';

const approved = awardOfRecord(exampleJson('merit-he-xia'));
const certificate = {
  kind: 'certificate',
  version: 1,
  key: 'awards/merit-he-xia/certificate-v1.pdf',
  sha256: 's',
  pages: 1,
  bytes: 1,
  renderedAt: '2020-03-02T00:00:00Z',
};
const rendered: Award = { ...approved, revision: 2, documents: [certificate], rendering: { renderedVersion: 1 } };
const failed: Award = { ...approved, revision: 2, rendering: { failure: { version: 1, reason: 'no font' } } };

/** A stream event showing the award as approved, before the render. */
const event = {
  Records: [
    {
      eventID: '1',
      dynamodb: {
        NewImage: marshall({ pk: 'AWARD#merit-he-xia', itemType: 'AWARD', revision: 1, ...approved.record }),
      },
    },
  ],
} as unknown as DynamoDBStreamEvent;

describe('the render lines of npm start', () => {
  it('says which document each render stored, and which version failed and why', () => {
    expect(renderedLines(approved, rendered, 812.4)).toEqual(['merit-he-xia\tcertificate v1\t812 ms']);
    expect(renderedLines(approved, failed, 30)).toEqual(['merit-he-xia\tFAILED\tno font']);
    // The render's own write-back comes down the stream too: nothing new, nothing said.
    expect(renderedLines(rendered, rendered, 5)).toEqual([]);
    expect(renderedLines(failed, failed, 5)).toEqual([]);
  });

  it('prints a line per stored document only while enabled, and answers as the handler does', async () => {
    const printed: string[] = [];
    let enabled = false;
    const handler = reportingRenders(async () => ({ batchItemFailures: [] }), {
      read: async () => rendered,
      print: (line) => printed.push(line),
      enabled: () => enabled,
    });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(printed).toEqual([]);
    enabled = true;
    await handler(event);
    expect(printed).toEqual([expect.stringMatching(/^merit-he-xia\tcertificate v1\t\d+ ms$/)]);
  });
});
