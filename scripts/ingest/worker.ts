/**
 * One ingest worker thread, started by scripts/ingest/pool.ts: drafts the sources the main thread sends
 * (draftSource) and makes entries again with the slugs it is given (complete), answering each request by
 * its id. It keeps what it prepared of its sources until the pool stops it; it reads no files.
 *
 *   { id: 1, draft: { file: "a.txt", bytes, catalogEntry } } -> { id: 1, drafted: { drafts: [{ record, made }] } }
 *   { id: 2, refinish: [{ file: "a.txt", label: "a.txt", slug: "a-2" }] } -> { id: 2, made: [{ entry }] }
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestError } from '../../src/core/errors.ts';
import { complete, draftSource, type Prepared } from './pipeline.ts';
import { toWireDrafted, toWireMade, type WorkerReply, type WorkerRequest, type WorkerSetup } from './pool.ts';

if (parentPort === null) throw new Error('scripts/ingest/worker.ts runs as a worker thread (scripts/ingest/pool.ts starts it)');
const port = parentPort;
const { topics } = workerData as WorkerSetup;
const prepared = new Map<string, Map<string, Prepared | IngestError>>();

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if ('draft' in request) {
      const made = draftSource(request.draft, topics);
      prepared.set(request.draft.file, made.prepared);
      reply = { id: request.id, drafted: toWireDrafted(made.drafted) };
    } else {
      const made = request.refinish.map(({ file, label, slug }) => {
        const ready = prepared.get(file)?.get(label);
        if (ready === undefined) throw new Error(`${label} was not drafted by this worker`);
        return toWireMade(complete(ready, slug));
      });
      reply = { id: request.id, made };
    }
  } catch (error) {
    reply = { id: request.id, failed: (error as Error)?.stack ?? String(error) };
  }
  port.postMessage(reply);
});
