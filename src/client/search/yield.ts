/**
 * Gives the main thread back between pieces of a search's work (checking a result, rendering one), so that a
 * keystroke or a paint waits for one piece and not for the whole list: no long task while results come in.
 * `scheduler.yield()` where the browser has it (the rest of the work keeps its place in line), else a macrotask.
 *   await yieldToMain() -> resolves after pending input and rendering have had their turn
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
