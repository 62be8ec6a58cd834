import type { ResponseOf } from '../../../services/contract';
import { call } from '../../api';
import { useJob, type JobView } from '../../hooks/useJob';
import type { LogQuery } from './LogFilters';

type Verdict = NonNullable<ResponseOf<'jobStatus'>['verdict']>;

/** The chain verifier's verdict in words: the first broken link, or how many entries hold. */
export function verdictText(v: Verdict): string {
  if (v.ok) return `${v.entries.toLocaleString('ja-JP')}件の記録を確認しました。台帳は改ざんされていません${v.receiptsChecked ? '（領収書のPDFも照合しました）' : ''}。`;
  return `記録 ${v.brokenAt ?? '—'} で台帳の連続性が切れています：${v.reason ?? ''}`;
}

/** One job's progress, then its file or verdict, or why it failed. */
function JobProgress({ id, label, job, onOpen }: { id: string; label: string; job: JobView | null; onOpen: (seq: number) => void }) {
  if (!job) return null;
  if (job.state === 'refused' || job.state === 'failed') {
    return (
      <p className="field-error" role="alert">
        {label}：{job.message ?? 'できませんでした。'}
      </p>
    );
  }
  if (job.state === 'starting' || job.state === 'running') {
    const done = job.state === 'running' ? job.done : 0;
    const total = job.state === 'running' ? job.total : 0;
    return (
      <div className="job-progress">
        <span id={`${id}-label`}>{label}</span>
        <progress aria-labelledby={`${id}-label`} max={Math.max(total, 1)} value={done} />
        <span className="mono">
          {total > 0 ? `${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')}件` : '準備しています…'}
        </span>
      </div>
    );
  }
  if (job.file && job.fileUrl) {
    return (
      <p className="job-done" role="status">
        {label}が終わりました（{job.total.toLocaleString('ja-JP')}件）。
        <a className="button button--secondary button--small download-link" href={job.fileUrl} download={job.file.fileName}>
          {job.file.fileName} を保存
        </a>
      </p>
    );
  }
  if (job.verdict) {
    const v = job.verdict;
    return (
      <div className={v.ok ? 'job-done' : 'warning-box'} role="status" data-testid="ledger-verdict">
        <p className={v.ok ? '' : 'warning-title'}>{verdictText(v)}</p>
        {!v.ok && v.brokenAt !== undefined ? (
          <>
            <p>台帳を直さずに、本部の事務担当へ連絡してください。</p>
            <button type="button" className="button button--secondary button--small" onClick={() => onOpen(v.brokenAt as number)}>
              記録 {v.brokenAt} を表示
            </button>
          </>
        ) : null}
      </div>
    );
  }
  return null;
}

/** CSV and PDF of the filtered log, and 台帳の整合性を確認: each a job with its progress. */
export function LogJobs({ query, onOpen }: { query: LogQuery; onOpen: (seq: number) => void }) {
  const csv = useJob();
  const pdf = useJob();
  const verify = useJob();
  const running = (j: JobView | null) => j?.state === 'starting' || j?.state === 'running';
  return (
    <section className="panel panel--inset log-jobs" aria-labelledby="log-jobs-title">
      <h2 id="log-jobs-title">出力と台帳の確認</h2>
      <p className="lead">出力は、いま表示している絞り込みの条件で行います。契約者IDは一覧と同じく一部を伏せて出力します。</p>
      <div className="actions-group">
        <button type="button" className="button button--secondary" disabled={running(csv.job)} onClick={() => void csv.start(() => call('logExportStart', { ...query, format: 'csv' }))}>
          CSVで出力
        </button>
        <button type="button" className="button button--secondary" disabled={running(pdf.job)} onClick={() => void pdf.start(() => call('logExportStart', { ...query, format: 'pdf' }))}>
          PDFで出力
        </button>
        <button type="button" className="button button--secondary" disabled={running(verify.job)} onClick={() => void verify.start(() => call('ledgerVerifyStart', {}))}>
          台帳の整合性を確認
        </button>
      </div>
      <JobProgress id="job-csv" label="CSV出力" job={csv.job} onOpen={onOpen} />
      <JobProgress id="job-pdf" label="PDF出力" job={pdf.job} onOpen={onOpen} />
      <JobProgress id="job-verify" label="台帳の整合性の確認" job={verify.job} onOpen={onOpen} />
    </section>
  );
}
