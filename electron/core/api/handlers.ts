import { accountHandlers } from '../accounts/service';
import { appHandlers, type AppEnv } from '../app/service';
import { auditHandlers } from '../audit/service';
import { campaignHandlers } from '../campaigns/service';
import { connectionHandlers } from '../connections/service';
import { confirmationHandlers } from '../confirmations/service';
import { dashboardHandlers } from '../dashboard/service';
import { deviceHandlers } from '../devices/service';
import { districtHandlers } from '../district/service';
import { evaluationHandlers } from '../evaluation/service';
import { importHandlers } from '../import/service';
import { legalHandlers } from '../legal/service';
import { securityHandlers } from '../security/service';
import { settingsHandlers } from '../settings/service';
import type { Db } from '../db/open';
import { peopleHandlers } from '../people/service';
import { reportHandlers, type ReportEnv } from '../reports/service';
import { signingHandlers } from '../signing/service';
import { systemHandlers } from '../systems/service';
import { unitHandlers } from '../unit/service';
import type { Handlers, SessionMethod } from './types';

/** Every contract method, implemented. The type makes a missing or mistyped method a compile error. */
/** Every contract method but the session's (backup, lock), which createCore adds. */
export function createHandlers(db: Db, env: ReportEnv & AppEnv): Omit<Handlers, SessionMethod> {
  return {
    ...appHandlers(db, env),
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
    ...deviceHandlers(db),
    ...connectionHandlers(db),
    ...securityHandlers(db),
    ...evaluationHandlers(db),
    ...reportHandlers(db, env),
    ...importHandlers(db, { nativeBinding: env.nativeBinding }),
    ...districtHandlers(db, env),
    ...signingHandlers(db, env),
  };
}
