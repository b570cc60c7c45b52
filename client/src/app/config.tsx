import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { clientConfig, type ClientConfig } from '@shared/client-config.js';
import { api } from '../lib/api-client.js';
import { useI18n } from './i18n.js';

const ConfigContext = createContext<ClientConfig | null>(null);

/** Loads and validates the deployment's client configuration before any feature renders. */
export function ConfigProvider({ children }: { children: ReactNode }) {
  const { t, describeError } = useI18n();
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    api<unknown>('GET', '/api/config').then((raw) => setConfig(clientConfig.parse(raw)), setError);
  }, [attempt]);

  if (error) {
    return (
      <div className="page-message" role="alert">
        <p>{describeError(error)}</p>
        <button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</button>
      </div>
    );
  }
  if (!config) return <p className="page-message">{t('shell.loading')}</p>;
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): ClientConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig outside ConfigProvider');
  return config;
}
