import { bilingual } from '@shared/i18n/index.js';
import type { Arrangement, Movement } from '@shared/repatriation/contract.js';
import { AppError } from '@server/core/errors.js';

/** 409: the record changed since the client read it; `current` is how it stands, to show beside the user's change. */
export const versionConflict = (current: Arrangement | Movement) =>
  new AppError(409, 'version_conflict', bilingual('repatriationError.versionConflict'), { extra: { current } });
