import { useState } from 'react';
import { ACCOUNT_ROLES, ACCOUNT_STATUSES, type Account, type AccountRole, type AccountStatus } from '../../../../shared/accounts/schema';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/fields';
import { ApiCallError } from '../../../../shared/errors';
import { PersonPicker } from '../../components/PersonPicker';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

interface Props {
  account: Account | null;
  systems: TrackedSystem[];
  owner?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit an account. There is no password field, by design. */
export function AccountForm({ account, systems, owner, onClose, onSaved }: Props) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [systemId, setSystemId] = useState(String(account?.systemId ?? systems.find((s) => s.active)?.id ?? ''));
  const [person, setPerson] = useState<{ id: number; name: string } | null>(
    account ? (account.personId ? { id: account.personId, name: account.personName ?? '' } : null) : (owner ?? null),
  );
  // No owner must be a decision, not an oversight: an empty picker alone no longer makes a shared account.
  const [shared, setShared] = useState(account ? account.personId === null : false);
  const [loginName, setLoginName] = useState(account?.loginName ?? '');
  const [role, setRole] = useState<AccountRole>(account?.role ?? 'user');
  const [status, setStatus] = useState<AccountStatus>(account?.status ?? 'active');
  const [sourceDocument, setSourceDocument] = useState(account?.sourceDocument ?? '');
  const [createdOn, setCreatedOn] = useState<string | null>(account?.createdOn ?? null);
  const [note, setNote] = useState(account?.note ?? '');

  const save = async () => {
    setSaving(true);
    errors.clear();
    const input = { systemId: Number(systemId), personId: shared ? null : (person?.id ?? null), loginName, role, sourceDocument, createdOn, note };
    const valid = account ? errors.check('accounts.update', { id: account.id, ...input }) : errors.check('accounts.create', { ...input, status });
    if (!valid || (!shared && !person)) {
      if (valid) errors.show(new ApiCallError({ code: 'VALIDATION', message: vi.accounts.ownerOrShared, path: ['personId'] }));
      setSaving(false);
      return;
    }
    try {
      const saved = account ? await api['accounts.update']({ id: account.id, ...input }) : await api['accounts.create']({ ...input, status });
      notify(account ? vi.accounts.updated(saved.loginName) : vi.accounts.created(saved.loginName));
      onSaved();
    } catch (e) {
      errors.show(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog title={account ? vi.accounts.edit : vi.accounts.add} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving}>
      <div className="form-grid">
        <SelectField
          label={vi.fields.systemId!}
          value={systemId}
          onChange={setSystemId}
          options={systems.map((s) => ({ value: String(s.id), label: s.name }))}
          error={errors.fieldErrors.systemId}
          required
        />
        <div>
          {!shared && <PersonPicker label={vi.accounts.owner} value={person} onChange={setPerson} error={errors.fieldErrors.personId} />}
          <CheckboxField label={vi.accounts.noOwner} checked={shared} onChange={setShared} />
        </div>
        <TextField label={vi.fields.loginName!} value={loginName} onChange={setLoginName} error={errors.fieldErrors.loginName} required maxLength={120} />
        <SelectField label={vi.fields.role!} value={role} onChange={setRole} options={ACCOUNT_ROLES.map((r) => ({ value: r, label: vi.accountRole[r] }))} />
        {!account && (
          <SelectField label={vi.fields.status!} value={status} onChange={setStatus} options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: vi.accountStatus[s] }))} />
        )}
        <TextField label={vi.fields.sourceDocument!} value={sourceDocument} onChange={setSourceDocument} error={errors.fieldErrors.sourceDocument} placeholder={vi.accounts.sourceExample} />
        <DateField label={vi.fields.createdOn!} value={createdOn} onChange={setCreatedOn} error={errors.fieldErrors.createdOn} />
        <TextField label={vi.fields.note!} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
      </div>
      <p className="hint">{vi.accounts.noPasswordNote}</p>
    </FormDialog>
  );
}
