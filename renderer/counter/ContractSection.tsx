import { normalizeInput } from '../../services/contract';
import { textInput, type Bound } from './bind';
import { hasLiveToken, NO_LIVE_TOKEN } from './checks';
import { lookedUp, type ContractInfo, type Lookup } from './session';
import { LookupBadge } from './LookupBadge';
import { SummaryList } from '../components/SummaryList';
import { ErrorMessage } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { useFieldId } from '../components/formScope';
import { bankAsOfText } from '../sync-text';

type Props = Bound<string> & {
  lookup: Lookup<ContractInfo>;
  /** The teller left the field (Enter or Tab): look the contract up. */
  onCommit: () => void;
  /** Why this form cannot be taken for this contract (e.g. it stops its token online), or null. */
  refusal?: string | null;
};

/**
 * お客さま: the 契約者ID, looked up when the teller leaves the field, then the contract as the
 * branch and the bank know it — the name masked, feature phone or not, the token it holds now,
 * and as of when that is the bank's word.
 */
export function ContractSection({ lookup, onCommit, refusal = null, ...field }: Props) {
  const { value } = field;
  const id = useFieldId('contractId');
  const badgeId = `${id}-state`;
  const cardId = `${id}-summary`;
  const contract = lookedUp(lookup, value);
  return (
    <fieldset className="form-section">
      <legend>お客さま</legend>
      <TextField
        {...textInput(field)}
        onBlur={onCommit}
        className="w-medium"
        maxLength={40}
        hint="インターネットバンキングの利用者番号。入力してEnterで照会します。"
        afterId={contract ? `${badgeId} ${cardId}` : badgeId}
        after={<LookupBadge id={badgeId} lookup={lookup} typed={value} ok={() => (refusal ? { text: '窓口では受付できません', tone: 'badge--error' } : { text: '照会済', tone: 'badge--ok' })} />}
      />
      {contract ? (
        <div id={cardId} className="contract-card" data-testid="contract-summary">
          <SummaryList
            className="summary--compact"
            rows={[
              ['お名前', contract.maskedName],
              ['携帯電話（ガラケー）', contract.featurePhone ? '利用あり' : '利用なし（スマートフォン・パソコン）'],
              [
                'ご利用中のトークン',
                contract.currentSerial ? (
                  <>
                    <span className="mono">{contract.currentSerial}</span>
                    <span className={`state state--${(contract.currentState ?? '').toLowerCase()}`}>{contract.stateLabel}</span>
                  </>
                ) : (
                  'なし'
                ),
              ],
              ...(contract.bank
                ? [['本部の情報', <span className={contract.bank.offline ? 'badge badge--warn' : ''}>{bankAsOfText(contract.bank)}</span>, 'contract-bank'] as const]
                : []),
            ]}
          />
          {!hasLiveToken(contract) ? (
            <p className="field-error">{NO_LIVE_TOKEN}</p>
          ) : null}
          <ErrorMessage message={refusal} />
        </div>
      ) : null}
    </fieldset>
  );
}

/** For summaries: "C0012345（山＊ ＊＊ 様）", the ID as the branch records it (half-width), not as typed. */
export function contractText(typed: string, contract: ContractInfo | null): string {
  return contract ? `${contract.contractId}（${contract.maskedName} 様）` : normalizeInput(typed);
}
