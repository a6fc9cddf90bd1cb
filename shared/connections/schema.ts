import { z } from 'zod';
import { choice, id, optionalIsoDate, optionalText, requiredText } from '../schema/fields';
import {
  CONNECTION_DIRECTIONS, CONNECTION_PROTOCOLS, CONNECTION_STATES, CONNECTION_STATUSES,
  type ConnectionCounts, type ConnectionDirection, type ConnectionProtocol, type ConnectionState, type ConnectionStatus,
} from './rules';

// The register of the unit's data connections (Kết nối, chia sẻ dữ liệu) to tracked systems (Rule 7).
// Field names are unique across the contract (connectionStatus, not status): vi.fields labels them.

const connectionFields = {
  systemId: id,
  /** The unit's own database or software that exchanges data with the tracked system. */
  localSystem: requiredText(200),
  direction: choice(CONNECTION_DIRECTIONS),
  protocol: choice(CONNECTION_PROTOCOLS),
  /** The VPN gateway or the provider of the link (e.g. "Fortigate 60F — VNPT"). */
  gateway: optionalText(200),
  checkedBy: optionalText(120),
  checkedOn: optionalIsoDate,
  connectionStatus: choice(CONNECTION_STATUSES).default('active'),
  note: optionalText(500),
};

export const ConnectionCreateInput = z.strictObject(connectionFields);
export type ConnectionCreateInput = z.input<typeof ConnectionCreateInput>;
export const ConnectionUpdateInput = z.strictObject({ id, ...connectionFields });
export type ConnectionUpdateInput = z.input<typeof ConnectionUpdateInput>;

export const CONNECTION_FILTERS = ['flagged', 'not_site_to_site', 'unchecked', 'stopped'] as const;
export type ConnectionFilter = (typeof CONNECTION_FILTERS)[number];
export const ConnectionsListInput = z.strictObject({ systemId: id.optional(), filter: choice(CONNECTION_FILTERS).optional() });
export type ConnectionsListInput = z.input<typeof ConnectionsListInput>;

export interface DataConnection {
  id: number;
  systemId: number;
  systemName: string;
  systemCode: string;
  /** The system's setting "data connections must use site-to-site VPN". */
  requiresSiteToSite: boolean;
  localSystem: string;
  direction: ConnectionDirection;
  protocol: ConnectionProtocol;
  gateway: string;
  checkedBy: string;
  checkedOn: string | null;
  connectionStatus: ConnectionStatus;
  note: string;
  /** Rule 7 as of today (shared/connections/rules.ts connectionState). */
  state: ConnectionState;
  nextCheckDue: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Per system with at least one connection, or that requires site-to-site VPN. */
export interface ConnectionSystemFigures extends ConnectionCounts {
  systemId: number;
  systemName: string;
  systemCode: string;
  requiresSiteToSite: boolean;
}

export interface ConnectionsList {
  rows: DataConnection[];
  /** Per filter chip (over the system filter). */
  counts: Record<ConnectionFilter, number>;
  all: number;
  bySystem: ConnectionSystemFigures[];
  checkMonths: number;
}

/** The dashboard's Rule 7 to-dos: non-compliant connections, not site-to-site first. */
export interface ConnectionTodo {
  connectionId: number;
  systemName: string;
  localSystem: string;
  protocol: ConnectionProtocol;
  state: ConnectionState;
  checkedOn: string | null;
}
export interface ConnectionTodos {
  count: number;
  todos: ConnectionTodo[];
  checkMonths: number;
}

export { CONNECTION_DIRECTIONS, CONNECTION_PROTOCOLS, CONNECTION_STATES, CONNECTION_STATUSES };

/** What a unit's report states about Rule 7 (signed payload `figures.connections`, print view, "Kết nối" sheet). */
export interface ConnectionReportFigures {
  checkMonths: number;
  /** Per system that requires site-to-site VPN or has an active connection. */
  bySystem: ConnectionSystemFigures[];
  /** The sum over the systems that require site-to-site VPN: what "every connection to the complaints database" means. */
  required: ConnectionCounts;
}
