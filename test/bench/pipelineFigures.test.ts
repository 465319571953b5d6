import { describe, expect, it } from 'vitest';
import { parsePipelineOutput } from '../../bench/pipelineFigures.js';

const figures = {
  burst: { approvals: 500, documents: 520, seconds: 3, documentsPerSecond: 173, latencyP50Ms: 900, latencyP95Ms: 1700 },
  rendersPerApproval: { certificate: 1, 'commendation-order': 1 },
  cost: { per10kDocumentsUsd: 0.42, inputs: { lambdaGbSecondUsd: 0.0000133334 } },
};

describe('parsePipelineOutput', () => {
  it('reads the last line as the figures, whatever the report above it', () => {
    expect(parsePipelineOutput(`table\nrows\n${JSON.stringify(figures)}\n`)).toEqual({ measured: true, figures });
  });

  it('reports a last line that is not JSON as not measured, with the line', () => {
    const outcome = parsePipelineOutput('done in 3 s\n');
    expect(outcome).toEqual({ measured: false, reason: expect.stringContaining('done in 3 s') });
  });

  it('reports a figure missing from the contract instead of passing NaN on', () => {
    const { cost: _cost, ...withoutCost } = figures;
    expect(parsePipelineOutput(JSON.stringify(withoutCost))).toEqual({
      measured: false,
      reason: "npm run bench:pipeline's last line breaks the contract: cost.per10kDocumentsUsd is not a number",
    });
    const noKinds = { ...figures, rendersPerApproval: {} };
    expect(parsePipelineOutput(JSON.stringify(noKinds))).toMatchObject({ measured: false });
  });
});
