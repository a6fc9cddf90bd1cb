import { z } from 'zod';
import { flag, id, months, optionalText, nameText, optionalNameText } from '../schema/fields';

const systemFields = {
  name: nameText(200),
  managingAgency: optionalNameText(200),
  adminIntervalMonths: months,
  userIntervalMonths: months,
  requiresLicensedAv: flag.default(false),
  active: flag.default(true),
};

export const SystemCreateInput = z.strictObject({ code: optionalText(40), ...systemFields, requiresSiteToSiteVpn: flag.default(false) });
export type SystemCreateInput = z.input<typeof SystemCreateInput>;
/** requiresSiteToSiteVpn omitted: kept as it is (older forms and scripts do not send it). */
export const SystemUpdateInput = z.strictObject({ id, ...systemFields, requiresSiteToSiteVpn: flag.optional() });
export type SystemUpdateInput = z.input<typeof SystemUpdateInput>;

/** A government application whose accounts the unit tracks. Intervals are calendar months. */
export interface TrackedSystem {
  id: number;
  code: string;
  name: string;
  managingAgency: string;
  adminIntervalMonths: number;
  userIntervalMonths: number;
  requiresLicensedAv: boolean;
  /** Rule 7 (seed 000): the unit's data connections to this system must use VPN site-to-site. */
  requiresSiteToSiteVpn: boolean;
  active: boolean;
  accountCount: number;
}
