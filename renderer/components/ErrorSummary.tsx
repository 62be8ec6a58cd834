import { useContext } from 'react';
import { FormScope, fieldId, focusField } from './formScope';

type Props = {
  /** The server's general message (error.message), if any. */
  message?: string | null;
  fieldErrors?: Record<string, string> | undefined;
  /** Field name → its label, also giving the display order. */
  labels: Record<string, string>;
};

/** The role="alert" box at the top of a form: the general message and each field's error. */
export function ErrorSummary({ message, fieldErrors, labels }: Props) {
  const prefix = useContext(FormScope);
  const entries = Object.entries(fieldErrors ?? {}).sort(
    ([a], [b]) => order(labels, a) - order(labels, b),
  );
  if (!message && entries.length === 0) return null;
  // The server often repeats a field's message as the general one: say it once.
  const title = message && !entries.some(([, text]) => text === message) ? message : '入力内容を確認してください。';
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{title}</p>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}>
              <a
                href={`#${fieldId(prefix, name)}`}
                onClick={(event) => {
                  // Focus the field; the location hash belongs to the menu.
                  event.preventDefault();
                  focusField(prefix, name);
                }}
              >
                {labels[name] ?? name}：{text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function order(labels: Record<string, string>, name: string): number {
  const i = Object.keys(labels).indexOf(name);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** A general refusal or failure, outside a form. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{message}</p>
    </div>
  );
}
