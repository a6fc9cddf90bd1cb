import { useState } from 'react';
import { ApiCallError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

/**
 * Maps a typed API error onto the form: an error with a field path shows under that field,
 * anything else at the top of the form. Never shows a stack.
 */
export function useFormErrors() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    fieldErrors,
    formError,
    clear: () => {
      setFieldErrors({});
      setFormError(null);
    },
    show: (error: unknown) => {
      if (error instanceof ApiCallError && error.path && typeof error.path[0] === 'string') {
        const field = error.path[0];
        // The message names the field already ("Họ và tên: Chưa nhập."); under the field, drop the label.
        const label = vi.fields[field];
        const message = label && error.message.startsWith(`${label}: `) ? error.message.slice(label.length + 2) : error.message;
        setFieldErrors({ [field]: message });
        setFormError(null);
      } else {
        setFieldErrors({});
        setFormError(error instanceof Error ? error.message : vi.errors.internal);
      }
    },
  };
}
