import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../services/contract';
import { call, type Result } from '../api';
import { blobUrl } from '../pdf';

/** How often a running job is asked how far it got. */
export const JOB_POLL_MS = 300;

type Status = Omit<ResponseOf<'jobStatus'>, 'state'>;

export type JobView =
  | { state: 'starting' }
  | (Status & { state: 'running' })
  | (Status & { state: 'failed' })
  /** `fileUrl`: the finished file as a blob: URL, to offer as a download. */
  | (Status & { state: 'done'; fileUrl: string | null })
  /** The start or a poll was refused: the server's message. */
  | { state: 'refused'; message: string };

/**
 * Long work on the server (an export, the ledger's check): started by `start`, then polled with
 * jobStatus until it is done or failed. Polling stops, and the file's URL is revoked, when the
 * screen goes away or the job is started again.
 */
export function useJob(): { job: JobView | null; start: (begin: () => Promise<Result<{ jobId: number }>>) => Promise<void> } {
  const [job, setJob] = useState<JobView | null>(null);
  // Each start gets a ticket; an older job's answers are dropped.
  const ticket = useRef(0);
  const url = useRef<string | null>(null);
  const forget = useCallback(() => {
    ticket.current++;
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  }, []);
  useEffect(() => forget, [forget]);

  const start = useCallback(
    async (begin: () => Promise<Result<{ jobId: number }>>) => {
      forget();
      const mine = ticket.current;
      setJob({ state: 'starting' });
      const started = await begin();
      if (mine !== ticket.current) return;
      if (!started.ok) {
        setJob({ state: 'refused', message: started.error.message });
        return;
      }
      for (;;) {
        const r = await call('jobStatus', { jobId: started.value.jobId });
        if (mine !== ticket.current) return;
        if (!r.ok) {
          setJob({ state: 'refused', message: r.error.message });
          return;
        }
        const s = r.value;
        if (s.state === 'done') {
          url.current = s.file ? blobUrl(s.file.dataBase64, s.file.mime) : null;
          setJob({ ...s, state: 'done', fileUrl: url.current });
          return;
        }
        if (s.state === 'failed') {
          setJob({ ...s, state: 'failed' });
          return;
        }
        setJob({ ...s, state: 'running' });
        await new Promise((resolve) => window.setTimeout(resolve, JOB_POLL_MS));
        if (mine !== ticket.current) return;
      }
    },
    [forget],
  );

  return { job, start };
}
