import type { ReactNode } from 'react';
import { textInput, type Bound } from '../counter/bind';
import { hasLiveToken, NO_LIVE_TOKEN } from '../counter/checks';
import { lookedUp, type ContractInfo, type Lookup } from '../counter/session';
import { LookupBadge } from './Badge';
import { SummaryList } from './CounterSteps';
import { TextField } from './Field';
import { useFieldId } from './formScope';

type Props = Bound<string> & {
  lookup: Lookup<ContractInfo>;
  /** The teller left the field (Enter or Tab): look the contract up. */
  onCommit: () => void;
  /** Said under the contract once it is known (e.g. that this form is not for this customer). */
  children?: ReactNode;
};

/**
 * お客さま: the 契約者ID, looked up when the teller leaves the field, then the contract as the
 * branch recorded it — the name masked, feature phone or not, and the token it holds now.
 */
export function ContractSection({ lookup, onCommit, children, ...field }: Props) {
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
        after={<LookupBadge id={badgeId} lookup={lookup} typed={value} ok={() => ({ text: '照会済', tone: 'badge--ok' })} />}
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
            ]}
          />
          {!hasLiveToken(contract) ? (
            <p className="field-error">{NO_LIVE_TOKEN}</p>
          ) : null}
          {children}
        </div>
      ) : null}
    </fieldset>
  );
}

/** For summaries: "C0012345（山＊ ＊＊ 様）". */
export function contractText(contractId: string, contract: ContractInfo | null): string {
  return contract ? `${contractId}（${contract.maskedName} 様）` : contractId;
}
