import { createContext, useContext, type ReactNode } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { clientConfig, type ClientConfig } from '@shared/client-config.js';
import { systemEndpoints } from '@shared/system/endpoints.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { call } from './api-client.js';
import { useI18n } from './i18n.js';

/** GET /api/config, validated: the deployment's settings every feature may read. */
export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: async () => clientConfig.parse(await call(systemEndpoints.config, {})),
  staleTime: Infinity,
});

const ConfigContext = createContext<ClientConfig | null>(null);

/** Loads and validates the deployment's client configuration before any feature renders. */
export function ConfigProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const config = useQuery(configQuery);

  if (config.error) return <ErrorWithRetry error={config.error} onRetry={() => void config.refetch()} page />;
  if (!config.data) return <p className="page-message">{t('shell.loading')}</p>;
  return <ConfigContext.Provider value={config.data}>{children}</ConfigContext.Provider>;
}

export function useConfig(): ClientConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig outside ConfigProvider');
  return config;
}
