import { accountHandlers } from '../accounts/service';
import { appHandlers } from '../app/service';
import { auditHandlers } from '../audit/service';
import { campaignHandlers } from '../campaigns/service';
import { confirmationHandlers } from '../confirmations/service';
import { dashboardHandlers } from '../dashboard/service';
import { evaluationHandlers } from '../evaluation/service';
import { importHandlers } from '../import/service';
import { legalHandlers } from '../legal/service';
import { settingsHandlers } from '../settings/service';
import type { Db } from '../db/open';
import { peopleHandlers } from '../people/service';
import { reportHandlers, type ReportEnv } from '../reports/service';
import { systemHandlers } from '../systems/service';
import { unitHandlers } from '../unit/service';
import type { Handlers } from './types';

/** Every contract method, implemented. The type makes a missing or mistyped method a compile error. */
export function createHandlers(db: Db, env: ReportEnv): Handlers {
  return {
    ...appHandlers(db),
    ...unitHandlers(db),
    ...peopleHandlers(db),
    ...systemHandlers(db),
    ...accountHandlers(db),
    ...auditHandlers(db),
    ...settingsHandlers(db),
    ...legalHandlers(db),
    ...confirmationHandlers(db),
    ...campaignHandlers(db),
    ...dashboardHandlers(db),
    ...evaluationHandlers(db),
    ...reportHandlers(db, env),
    ...importHandlers(db),
  };
}
