import type { MethodName, ParsedInputOf, ResultOf } from '../../../shared/api/contract';

/** Who is calling and when: given by the shell, never read from globals inside a service. */
export interface CallContext {
  /** Recorded in the audit log. */
  actor: string;
  now: () => Date;
  shell: 'electron' | 'harness' | 'cli';
  dataFile: string;
  appVersion: string;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: CallContext) => ResultOf<M> | Promise<ResultOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one feature: every contract method whose name starts with `prefix.`. */
export type HandlersFor<P extends string> = {
  [M in MethodName as M extends `${P}.${string}` ? M : never]: Handler<M>;
};

/**
 * Methods that belong to the core's session rather than to one connection: backups and restore
 * (a restore replaces the connection) and the app lock. createCore adds them to the handler map.
 */
export type SessionMethod = Extract<MethodName, `backup.${string}` | `lock.${string}`>;
