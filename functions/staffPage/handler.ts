import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requiredEnvironment } from '../requiredEnvironment.js';
import type { StaffPageConfig } from './StaffPageConfig.js';
import { staffPageResponse } from './staffPageResponse.js';

// The built page sits beside the code in the asset; it is read once per container.
const directory = requiredEnvironment('STAFF_PAGE_DIR', 'staff page');
const files = new Map(readdirSync(directory).map((name) => [name, readFileSync(join(directory, name), 'utf8')]));
const config = JSON.parse(requiredEnvironment('STAFF_PAGE_CONFIG', 'staff page')) as StaffPageConfig;

/** Lambda entry point for the staff page's routes (GET / and GET /staff/{file}), which need no token. */
export const handler = async (
  event: Pick<APIGatewayProxyEventV2, 'rawPath'>,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const { status, headers, body } = staffPageResponse(event.rawPath, files, config);
  return { statusCode: status, headers, body };
};
