/** The error of the given class that an action throws; any other outcome fails the test. */
export function thrown<E extends Error>(ErrorClass: abstract new (...args: never[]) => E, action: () => unknown): E {
  try {
    action();
  } catch (error) {
    if (error instanceof ErrorClass) return error;
    throw error;
  }
  throw new Error(`expected a ${ErrorClass.name}`);
}
