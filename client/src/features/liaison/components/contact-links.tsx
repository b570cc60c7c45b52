import { useEffect, useState } from 'react';
import { formatPhone, telUri } from '@shared/liaison/phone.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';

/** Copies `value`; says so for a moment. */
export function CopyButton({ value }: { value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="copy"
      onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}
      aria-label={`${t('liaison.copy')} ${value}`}
    >
      {copied ? t('liaison.copied') : t('liaison.copy')}
    </button>
  );
}

/**
 * Click-to-call: the `tel:` URI the phone library writes; the number as the reader dials
 * it — national format for their own country's numbers, international for the other's.
 */
export function PhoneLink({ e164 }: { e164: string }) {
  const { t } = useI18n();
  const { country } = useUser();
  const shown = formatPhone(e164, country);
  return (
    <span className="reach">
      <a href={telUri(e164)} className="tel" aria-label={`${t('liaison.call')} ${shown}`}>
        {shown}
      </a>
      <CopyButton value={e164} />
    </span>
  );
}

export function MailLink({ address }: { address: string }) {
  const { t } = useI18n();
  return (
    <span className="reach">
      <a href={`mailto:${address}`} aria-label={`${t('liaison.mail')} ${address}`}>
        {address}
      </a>
      <CopyButton value={address} />
    </span>
  );
}
