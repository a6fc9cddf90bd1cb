import type { UnitProfileInput } from '../../../../shared/unit/schema';
import { vi } from '../../../../shared/i18n/vi';
import { TextField } from '../../components/fields';

export type UnitDraft = Required<{ [K in keyof UnitProfileInput]: string }>;

export const emptyUnitDraft = (): UnitDraft => ({
  parentBody: '', name: '', code: '', headName: '', headTitle: '', signAuthority: '', clerkName: '',
  placeName: '', reportSymbol: '', recipientName: '', recipientAddress: '', email: '', phone: '',
});

export const IDENTITY_FIELDS = ['parentBody', 'name', 'code', 'placeName', 'reportSymbol'] as const;
export const SIGNER_FIELDS = ['headName', 'headTitle', 'signAuthority', 'clerkName', 'recipientName', 'recipientAddress', 'email', 'phone'] as const;
const REQUIRED = new Set<keyof UnitDraft>(['name', 'code']);
const EXAMPLES = vi.wizard.example as Partial<Record<keyof UnitDraft, string>>;

interface Props {
  fields: readonly (keyof UnitDraft)[];
  draft: UnitDraft;
  onChange: (draft: UnitDraft) => void;
  errors: Record<string, string>;
  autoFocusFirst?: boolean;
}

/** The unit profile inputs, shared by the first-run wizard and Cài đặt. */
export function UnitProfileFields({ fields, draft, onChange, errors, autoFocusFirst }: Props) {
  return (
    <div className="form-grid">
      {fields.map((key, i) => (
        <TextField
          key={key}
          label={vi.fields[key] ?? key}
          value={draft[key]}
          onChange={(v) => onChange({ ...draft, [key]: v })}
          error={errors[key]}
          required={REQUIRED.has(key)}
          autoFocus={autoFocusFirst && i === 0}
          {...(EXAMPLES[key] ? { placeholder: EXAMPLES[key] } : {})}
        />
      ))}
    </div>
  );
}
