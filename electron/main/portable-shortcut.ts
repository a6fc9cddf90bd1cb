// The portable build's Start-menu shortcut, which Windows needs to show its toasts.
//
// "Without a valid shortcut installed in Start or in All Programs, you cannot raise a toast
// notification from a desktop app" (learn.microsoft.com, windows/win32/shell/
// enable-desktop-toast-with-appusermodelid); the shortcut carries the AppUserModelID that
// app.setAppUserModelId gives the process. The NSIS installer creates one (WinShell::SetLnkAUMI with the
// appId); the portable .exe has none, so without this its reminders are dropped silently. It runs
// from a temporary copy: electron-builder's portable launcher names the .exe the user started in
// PORTABLE_EXECUTABLE_FILE, which the shortcut points at (so a click on a toast starts that .exe).
import { win32 } from 'node:path';
import { vi } from '../../shared/i18n/vi';

export interface ShortcutDetailsLike {
  target: string;
  appUserModelId?: string;
  description?: string;
  icon?: string;
  iconIndex?: number;
}
export interface ShellLike {
  readShortcutLink(path: string): ShortcutDetailsLike;
  writeShortcutLink(path: string, operation: 'create' | 'update' | 'replace', options: ShortcutDetailsLike): boolean;
}

export interface PortableShortcutPlan {
  path: string;
  details: ShortcutDetailsLike & { appUserModelId: string };
}

/** The shortcut to keep for this process, or null (not Windows, or not the portable build). */
export function portableShortcutPlan(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** app.getPath('appData'): %APPDATA% (the per-user Start menu lives under it). */
  appData: string;
  appUserModelId: string;
}): PortableShortcutPlan | null {
  const exe = input.env.PORTABLE_EXECUTABLE_FILE;
  if (input.platform !== 'win32' || !exe) return null;
  return {
    path: win32.join(input.appData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', `${vi.windows.reminders.portableShortcutName}.lnk`),
    details: { target: exe, appUserModelId: input.appUserModelId, description: vi.app.tagline, icon: exe, iconIndex: 0 },
  };
}

/** Creates the shortcut, or repoints it when the .exe moved; leaves a matching one alone. */
export function ensurePortableShortcut(shell: ShellLike, plan: PortableShortcutPlan): 'created' | 'updated' | 'unchanged' | 'failed' {
  let existing: ShortcutDetailsLike | null;
  try {
    existing = shell.readShortcutLink(plan.path);
  } catch {
    existing = null; // none yet (readShortcutLink throws for a missing file)
  }
  if (existing && existing.target === plan.details.target && existing.appUserModelId === plan.details.appUserModelId) return 'unchanged';
  const ok = shell.writeShortcutLink(plan.path, existing ? 'replace' : 'create', plan.details);
  if (!ok) return 'failed';
  return existing ? 'updated' : 'created';
}
