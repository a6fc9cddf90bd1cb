import { resolve } from 'node:path';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { formatViDate } from '../../shared/dates';
import { OFFICE_LEVELS, type OfficeLevel } from '../../shared/district/schema';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { createCore, dispatch } from '../core';

// An office without the UI (issue 15, CLI parity): everything the receiving office sets up on
// screen, from the command line, through the same contract:
//   attk unit set --db F --name N --code C [--parent P] [--head-name N] [--head-title T] [--place P]
//   attk district mode on|off --db F [--level province|district|ward|other] [--address A]
//   attk campaign create --db F --directive NUM --subject S --start YYYY-MM-DD --deadline YYYY-MM-DD [--systems CODE,…]
//   attk district expect --db F --campaign ID --units CODE,… (or "all")
//   attk district board --db F --campaign ID

const T = vi.trust.cli;

export class OfficeUsageError extends Error {}

export interface OfficeArgs {
  command: string;
  sub: string | undefined;
  positionals: string[];
  db: string;
  options: Record<string, string | undefined>;
  json: boolean;
  now?: (() => Date) | undefined;
  appVersion: string;
  write: (text: string) => void;
}

export const isOfficeCommand = (command: string, sub: string | undefined) =>
  (command === 'unit' && sub === 'set') || (command === 'campaign' && sub === 'create') || (command === 'district' && (sub === 'mode' || sub === 'expect' || sub === 'board'));

export async function officeCommand(args: OfficeArgs): Promise<number> {
  const core = createCore({ file: resolve(args.db), shell: 'cli', appVersion: args.appVersion, ...(args.now ? { now: args.now } : {}) });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await dispatch(core, method, input);
    if (!r.ok) throw new AttkError(r.error.code, r.error.message, r.error.path);
    return r.result as ResultOf<M>;
  };
  const o = args.options;
  const need = (name: string): string => {
    const v = o[name];
    if (!v) throw new OfficeUsageError(vi.cli.missingOption(`--${name}`));
    return v;
  };
  const print = (data: object, text: string) => args.write(args.json ? JSON.stringify({ ok: true, ...data }) : text);
  const campaignId = () => {
    const id = Number(need('campaign'));
    if (!Number.isInteger(id) || id <= 0) throw new OfficeUsageError(vi.cli.missingOption('--campaign'));
    return id;
  };
  try {
    if (args.command === 'unit') {
      const current = await call('unit.get', {});
      const { id: _id, updatedAt: _u, ...base } = current ?? { id: 0, updatedAt: '' };
      const unit = await call('unit.save', {
        ...base, name: o.name ?? current?.name ?? need('name'), code: o.code ?? current?.code ?? need('code'),
        ...(o.parent !== undefined ? { parentBody: o.parent } : {}), ...(o['head-name'] !== undefined ? { headName: o['head-name'] } : {}),
        ...(o['head-title'] !== undefined ? { headTitle: o['head-title'] } : {}), ...(o.place !== undefined ? { placeName: o.place } : {}),
      });
      print({ unit }, T.unitSaved(unit.name, unit.code));
      return 0;
    }
    if (args.command === 'campaign') {
      const systems = await call('systems.list', {});
      const wanted = (o.systems ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
      const systemIds = wanted.length === 0 ? systems.map((s) => s.id) : wanted.map((code) => {
        const s = systems.find((x) => x.code.toUpperCase() === code);
        if (!s) throw new OfficeUsageError(T.unknownSystem(code, systems.map((x) => x.code).join(', ')));
        return s.id;
      });
      const c = await call('campaigns.create', {
        directiveNumber: need('directive'), subject: need('subject'), startDate: need('start'), deadline: need('deadline'), systemIds,
        ...(o.recipient ? { recipient: o.recipient } : {}),
      });
      const started = await call('campaigns.advance', { id: c.id, to: 'in_progress' });
      print({ campaign: started }, T.campaignCreated(started.id, started.directiveNumber, formatViDate(started.deadline)));
      return 0;
    }
    const [mode] = args.positionals;
    if (args.sub === 'mode') {
      if (mode !== 'on' && mode !== 'off') throw new OfficeUsageError(T.modeUsage);
      const level = o.level ?? 'province';
      if (!(OFFICE_LEVELS as readonly string[]).includes(level)) throw new OfficeUsageError(T.badLevel(OFFICE_LEVELS.join(', ')));
      const before = await call('district.settings', {});
      const s = await call('district.saveSettings', { receivingMode: mode === 'on', officeLevel: level as OfficeLevel, officeAddress: o.address ?? before.officeAddress });
      print({ settings: s }, s.receivingMode ? T.modeOn(s.officeName) : T.modeOff);
      return 0;
    }
    if (args.sub === 'expect') {
      const id = campaignId();
      const register = await call('district.units', {});
      const list = need('units');
      const unitIds = list.trim().toLowerCase() === 'all' ? register.map((u) => u.id) : list.split(',').map((code) => {
        const u = register.find((x) => x.code.toUpperCase() === code.trim().toUpperCase());
        if (!u) throw new OfficeUsageError(vi.trust.keys.change.unknownUnit(code.trim()));
        return u.id;
      });
      const ids = await call('district.setExpected', { campaignId: id, unitIds });
      print({ unitIds: ids }, T.expected(ids.length));
      return 0;
    }
    // board
    const b = await call('district.board', { campaignId: campaignId() });
    if (args.json) {
      args.write(JSON.stringify({ ok: true, ...b }));
      return 0;
    }
    const B = vi.district.board;
    const status = (s: string) => vi.district.status[s as keyof typeof vi.district.status] ?? s;
    args.write(`${b.campaign.directiveNumber} — ${B.deadline(formatViDate(b.campaign.deadline))} (${vi.campaigns.daysLeft(b.daysLeft)})`);
    args.write(T.boardCounts(b.counts.expected, b.counts.received, b.counts.onTime, b.counts.late, b.counts.missing));
    for (const u of b.units) {
      const f = u.figures;
      args.write(`  ${u.code.padEnd(10)} ${status(u.status).padEnd(12)} ${u.firstReceivedOn ? formatViDate(u.firstReceivedOn) : '—'.padEnd(10)}  ${f ? T.figures(f.total, f.done, f.late, f.missing, f.toCancel) : ''}  ${u.name}`);
    }
    const t = b.totals.overall;
    args.write(T.totals(t.total, t.done, t.late, t.missing, t.toCancel));
    return 0;
  } finally {
    core.db.close();
  }
}
