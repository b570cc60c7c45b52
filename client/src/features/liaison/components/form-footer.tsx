import { useI18n } from '@client/lib/i18n.js';

/** The end of every liaison editor: the server's refusal, if any, then save and cancel. */
export function FormFooter({
  failure,
  submitting,
  onCancel,
}: {
  failure: unknown;
  submitting: boolean;
  onCancel: () => void;
}) {
  const { t, describeError } = useI18n();
  return (
    <>
      {failure ? (
        <p role="alert" className="error">
          {describeError(failure)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={submitting}>
          {t('liaison.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('liaison.cancel')}
        </button>
      </div>
    </>
  );
}
