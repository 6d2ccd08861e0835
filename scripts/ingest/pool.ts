/**
 * A small pool of worker threads (scripts/ingest/worker.ts) that runs the pipeline's per-source work: a
 * SourceRunner (scripts/ingest/pipeline.ts). The results are the same as in process, in the same order,
 * whatever the scheduling: the pipeline reads them by task index, and keeps every cross-source step.
 *
 * Sources go to whichever worker is free, the largest first (so a big feed does not start last and keep
 * one core busy alone). A worker keeps what it prepared of its sources, so an entry made again with
 * another slug (refinish) goes back to the worker that drafted its source. Plumbing, not a stage: it
 * starts threads and passes messages, and does no other I/O.
 *
 *   const pool = createSourcePool(topics, os.availableParallelism());
 *   try { result = await ingestSourcesWith(sources, context, () => pool); } finally { await pool.close(); }
 */
import { Worker } from 'node:worker_threads';
import type { Topic } from '../../src/schemas/topic.ts';
import { IngestError, type IngestErrorData } from '../../src/core/errors.ts';
import type { CachedDraft, DraftedSource, Entry, Made, RefinishRequest, SourceRunner, SourceTask } from './pipeline.ts';

/** What the main thread asks of a worker. */
export type WorkerRequest = { id: number; draft: SourceTask } | { id: number; refinish: RefinishRequest[] };

/** A worker's answer to the request with the same id; `failed` when the worker itself failed (a bug). */
export type WorkerReply = { id: number; drafted: WireDrafted } | { id: number; made: WireMade[] } | { id: number; failed: string };

/** DraftedSource and Made with their errors as data (structured clone keeps an error's message only). */
export type WireDrafted = { drafts: { record: CachedDraft; made: WireMade }[] } | { error: IngestErrorData };
export type WireMade = { entry: Entry } | { error: IngestErrorData };

/** What every worker is started with. */
export interface WorkerSetup {
  topics: readonly Topic[];
}

export interface SourcePool extends SourceRunner {
  readonly size: number;
  /** Stop the workers (and free what they kept). */
  close(): Promise<void>;
}

const WORKER = new URL('./worker.ts', import.meta.url);

/** Young generation of each worker's heap: the pipeline allocates many short-lived nodes and strings, and a
 * worker's default (far smaller than the main thread's) made it about a quarter slower, in garbage collection. */
const YOUNG_GENERATION_MB = 64;

/** Start `size` workers (at least one) for sources classified against `topics`. */
export function createSourcePool(topics: readonly Topic[], size: number): SourcePool {
  const workerData: WorkerSetup = { topics };
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(broken);
    pending.clear();
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(WORKER, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (waiting === undefined) return;
      if ('failed' in reply) waiting.reject(new Error(`ingest worker failed: ${reply.failed}`));
      else waiting.resolve(reply);
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`ingest worker stopped (exit code ${code})`));
    });
    return worker;
  });
  // Which worker drafted each source file: it holds what refinish needs.
  const owner = new Map<string, number>();

  const call = (worker: number, request: Omit<WorkerRequest, 'id'>): Promise<WorkerReply> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      workers[worker]!.postMessage({ id, ...request });
    });
  };

  return {
    size: workers.length,

    draft(tasks, stopAtError) {
      const results: (DraftedSource | undefined)[] = new Array(tasks.length).fill(undefined);
      const order = tasks.map((_, index) => index).sort((a, b) => tasks[b]!.bytes.byteLength - tasks[a]!.bytes.byteLength || a - b);
      // With stopAtError, no task after the first (in task order) that failed is started.
      let firstFailed = Infinity;
      let next = 0;
      let running = 0;
      return new Promise((resolve, reject) => {
        const startOn = (worker: number): void => {
          while (next < order.length && order[next]! > firstFailed) next++;
          if (next >= order.length) {
            if (running === 0) resolve(results);
            return;
          }
          const index = order[next++]!;
          const task = tasks[index]!;
          running++;
          call(worker, { draft: task }).then((reply) => {
            running--;
            if (!('drafted' in reply)) throw new Error('ingest worker answered a draft with something else');
            const drafted = fromWireDrafted(reply.drafted);
            results[index] = drafted;
            owner.set(task.file, worker);
            if (stopAtError && 'error' in drafted) firstFailed = Math.min(firstFailed, index);
            startOn(worker);
          }).catch(reject);
        };
        workers.forEach((_, worker) => startOn(worker));
      });
    },

    async refinish(requests) {
      const made: Made[] = new Array(requests.length);
      const byWorker = new Map<number, number[]>();
      requests.forEach((request, index) => {
        const worker = owner.get(request.file);
        if (worker === undefined) throw new Error(`no ingest worker drafted ${request.file}`);
        const indexes = byWorker.get(worker);
        if (indexes === undefined) byWorker.set(worker, [index]);
        else indexes.push(index);
      });
      await Promise.all(
        [...byWorker].map(async ([worker, indexes]) => {
          const reply = await call(worker, { refinish: indexes.map((index) => requests[index]!) });
          if (!('made' in reply)) throw new Error('ingest worker answered a refinish with something else');
          reply.made.forEach((one, at) => {
            made[indexes[at]!] = fromWireMade(one);
          });
        }),
      );
      return made;
    },

    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The wire form of a drafted source (worker.ts sends it). */
export function toWireDrafted(drafted: DraftedSource): WireDrafted {
  if ('error' in drafted) return { error: drafted.error.toData() };
  return { drafts: drafted.drafts.map(({ record, made }) => ({ record, made: toWireMade(made) })) };
}

export function toWireMade(made: Made): WireMade {
  return 'error' in made ? { error: made.error.toData() } : made;
}

function fromWireDrafted(drafted: WireDrafted): DraftedSource {
  if ('error' in drafted) return { error: IngestError.fromData(drafted.error) };
  return { drafts: drafted.drafts.map(({ record, made }) => ({ record, made: fromWireMade(made) })) };
}

function fromWireMade(made: WireMade): Made {
  return 'error' in made ? { error: IngestError.fromData(made.error) } : made;
}
