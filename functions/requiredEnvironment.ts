/** An environment variable the stack sets for a function; its absence is a deployment fault, said plainly. */
export function requiredEnvironment(name: string, functionName: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${functionName} function: environment variable ${name} is not set (the stack sets it)`);
  return value;
}
