import { ServiceFailure, toApiError, UNEXPECTED_MESSAGE } from './failures';

/**
 * Long work a manager starts from the screen (an export of the whole log, the ledger's check): it
 * runs in slices, giving the server's one thread back between them, and the screen polls its
 * progress. Jobs live in memory: a restart forgets them, and their result is fetched once.
 */
export type JobResult = { fileName: string; mime: string; data: Buffer } | { verdict: Record<string, unknown> };

export interface JobStatus {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string | null;
  result: JobResult | null;
}

export interface JobProgress {
  /** Counts progress; resolves on the next turn of the event loop, so that other calls are answered meanwhile. */
  advance(done: number, total: number): Promise<void>;
}

const KEEP_DONE = 20;

export class Jobs {
  private readonly jobs = new Map<number, JobStatus>();
  private next = 1;

  start(run: (progress: JobProgress) => Promise<JobResult>, failureMessage: (e: unknown) => string): number {
    const id = this.next++;
    const status: JobStatus = { state: 'running', done: 0, total: 0, message: null, result: null };
    this.jobs.set(id, status);
    const progress: JobProgress = {
      advance: (done, total) => {
        status.done = done;
        status.total = total;
        return new Promise((resolve) => setImmediate(resolve));
      },
    };
    void run(progress).then(
      (result) => Object.assign(status, { state: 'done', result }),
      (e: unknown) => Object.assign(status, { state: 'failed', message: failureMessage(e) }),
    );
    this.forgetOld();
    return id;
  }

  status(id: number): JobStatus | null {
    return this.jobs.get(id) ?? null;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_DONE))) this.jobs.delete(id);
  }
}

/** A failed job's message for the screen: a refusal as worded, anything else as the unexpected. */
export function jobFailure(e: unknown): string {
  return toApiError(e)?.message ?? UNEXPECTED_MESSAGE;
}

/** A job's state as the screen polls it; the result travels once it is done. */
export function jobStatus(jobs: Jobs, id: number) {
  const s = jobs.status(id);
  if (!s) throw new ServiceFailure('JOB_UNKNOWN', 'この処理は見つかりません。もう一度始めてください。');
  const r = s.result;
  return {
    state: s.state,
    done: s.done,
    total: s.total,
    message: s.message,
    file: r && 'data' in r ? { fileName: r.fileName, mime: r.mime, dataBase64: r.data.toString('base64') } : null,
    verdict: r && 'verdict' in r ? (r.verdict as { ok: boolean; entries: number }) : null,
  };
}
