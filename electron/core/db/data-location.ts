// Where the app keeps its data folder and database, per platform.
//
// Windows: %LOCALAPPDATA%\<product>, not Electron's default %APPDATA%\<product> (the roaming
// profile). On domain PCs the roaming folder is often redirected to \\server\…, where the database
// is refused (location.ts) and the app never started; and a roaming profile copies a growing SQLite
// file and its backups over the network at every logon and logoff. The local folder is per user and
// per machine, like Chromium's and Teams' data. Data already in the roaming folder is moved once
// (move-to-local.ts). Elsewhere Electron's userData is kept (~/.config/<product> on Linux).
// ATTK_DB names another database file; the Chromium profile stays in the data folder anyway.
// Pure: platform, environment and Electron's default folder are passed in.
import { posix, win32 } from 'node:path';

export const DATABASE_FILE_NAME = 'attk.sqlite';

export interface DataLocationInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** app.getPath('userData') before any setPath: <appData>\<product> (roaming on Windows). */
  electronUserData: string;
}

export interface DataLocation {
  /** The app's data folder (app.setPath('userData') when it differs from Electron's default). */
  userData: string;
  /** The database the app opens. */
  file: string;
  /** A database left in the old (roaming) folder, to move once into `file`; null when none applies. */
  legacyFile: string | null;
}

export function dataLocation({ platform, env, electronUserData }: DataLocationInput): DataLocation {
  const path = platform === 'win32' ? win32 : posix;
  let userData = electronUserData;
  let legacy: string | null = null;
  const local = env.LOCALAPPDATA;
  // Only a drive path: were %LOCALAPPDATA% itself on a share, the local folder would not help.
  if (platform === 'win32' && local && /^[A-Za-z]:[\\/]/.test(local)) {
    userData = win32.join(local, win32.basename(electronUserData));
    if (userData.toLowerCase() !== win32.normalize(electronUserData).toLowerCase()) legacy = win32.join(electronUserData, DATABASE_FILE_NAME);
  }
  if (env.ATTK_DB) return { userData, file: path.isAbsolute(env.ATTK_DB) ? env.ATTK_DB : path.resolve(env.ATTK_DB), legacyFile: null };
  return { userData, file: path.join(userData, DATABASE_FILE_NAME), legacyFile: legacy };
}
