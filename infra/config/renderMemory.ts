/**
 * The render function's memory, chosen from `npm run bench:pipeline`'s cost model: rendering is
 * single-threaded and CPU-bound, and Lambda gives one whole vCPU at 1,769 MB. Below it a document
 * takes proportionally longer (a certificate approval 50 ms billed at 1,769 MB, 77 ms at 1,024,
 * 140 ms at 512) for almost the same price — $0.1718 against $0.1705 per 10,000 certificates, since
 * DynamoDB, S3 and KMS requests are 90 % of the cost; above it nothing gets faster.
 */
export const RENDER_MEMORY_MB = 1769;
