/**
 * Shared by everything that takes a number from a (code, year) sequence — orders and praise
 * bulletins in the render pipeline, the statistics bulletin in numberOnce.
 */

/** How often a number is tried again when another document took the same serial first. */
export const MAX_SERIAL_ATTEMPTS = 25;

/** A short random pause, longer with each attempt, so racing writers stop meeting on one serial. */
export function pauseAfterTaken(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
}
