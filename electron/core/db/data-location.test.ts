import { describe, expect, it } from 'vitest';
import { dataLocation } from './data-location';

const roaming = 'C:\\Users\\lan\\AppData\\Roaming\\ATTK - An toàn Tài khoản';
const env = { LOCALAPPDATA: 'C:\\Users\\lan\\AppData\\Local', APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' };

describe('dataLocation', () => {
  it('Windows: the local profile, with the roaming database to move once', () => {
    expect(dataLocation({ platform: 'win32', env, electronUserData: roaming })).toEqual({
      userData: 'C:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản',
      file: 'C:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản\\attk.sqlite',
      legacyFile: `${roaming}\\attk.sqlite`,
    });
  });

  it('Windows with folder redirection: the roaming folder on \\\\server is only the place to move from', () => {
    const redirected = '\\\\srv-dc01\\redirect$\\lan\\AppData\\Roaming\\ATTK - An toàn Tài khoản';
    const location = dataLocation({ platform: 'win32', env, electronUserData: redirected });
    expect(location.file).toBe('C:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản\\attk.sqlite');
    expect(location.legacyFile).toBe(`${redirected}\\attk.sqlite`);
  });

  it('Windows without a usable %LOCALAPPDATA% (absent or itself on a share): Electron’s folder, nothing to move', () => {
    for (const LOCALAPPDATA of [undefined, '\\\\srv\\local', 'AppData\\Local']) {
      expect(dataLocation({ platform: 'win32', env: { LOCALAPPDATA }, electronUserData: roaming })).toEqual({
        userData: roaming,
        file: `${roaming}\\attk.sqlite`,
        legacyFile: null,
      });
    }
  });

  it('Windows when Electron already points at the local folder (same path, other case): nothing to move', () => {
    const local = 'c:\\users\\LAN\\appdata\\local\\ATTK - An toàn Tài khoản';
    expect(dataLocation({ platform: 'win32', env, electronUserData: local }).legacyFile).toBeNull();
  });

  it('ATTK_DB names the database; nothing is moved into or out of it', () => {
    const location = dataLocation({ platform: 'win32', env: { ...env, ATTK_DB: 'D:\\ATTK\\donvi.sqlite' }, electronUserData: roaming });
    expect(location).toEqual({ userData: 'C:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản', file: 'D:\\ATTK\\donvi.sqlite', legacyFile: null });
  });

  it('Linux: Electron’s userData as before', () => {
    expect(dataLocation({ platform: 'linux', env: {}, electronUserData: '/home/lan/.config/ATTK - An toàn Tài khoản' })).toEqual({
      userData: '/home/lan/.config/ATTK - An toàn Tài khoản',
      file: '/home/lan/.config/ATTK - An toàn Tài khoản/attk.sqlite',
      legacyFile: null,
    });
  });
});
