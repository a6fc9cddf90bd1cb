// Windows paths are judged on Linux: path.win32 and a fake realpath that answers as
// GetFinalPathNameByHandleW does on a PC with a mapped drive, a junction and a SUBST drive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vi } from '../../../shared/i18n/vi';
import { isNetworkPath, remoteVolumeProblem, uncShare, type VolumeProbe } from './location';

/** A Windows PC: C: local, S: a SUBST of C:\Work, Z: mapped to \\fileserver\ketoan (net use), C:\Chung a junction to \\nas\chung, Y: disconnected. */
function windowsPc(): VolumeProbe & { asked: string[] } {
  const asked: string[] = [];
  const existing: Record<string, string> = {
    'C:\\': 'C:\\',
    'C:\\Users\\lan\\AppData\\Local': 'C:\\Users\\lan\\AppData\\Local',
    'C:\\Work': 'C:\\Work',
    'S:\\': 'C:\\Work\\',
    'S:\\ATTK': 'C:\\Work\\ATTK',
    'Z:\\': '\\\\fileserver\\ketoan\\',
    'Z:\\ATTK': '\\\\fileserver\\ketoan\\ATTK',
    'C:\\Chung': '\\\\?\\UNC\\nas\\chung',
    'C:\\Chung\\ATTK': '\\\\?\\UNC\\nas\\chung\\ATTK',
  };
  return {
    platform: 'win32',
    asked,
    realpath: (path) => {
      asked.push(path);
      const hit = existing[path];
      if (!hit) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return hit;
    },
  };
}

describe('remoteVolumeProblem on Windows', () => {
  it('refuses a database on a mapped network drive, naming the drive and its share', () => {
    const problem = remoteVolumeProblem('Z:\\ATTK\\attk.sqlite', windowsPc());
    expect(problem).toBe(vi.windows.location.mappedDrive('Z:', '\\\\fileserver\\ketoan'));
    expect(problem).toContain('Ổ Z: là ổ mạng (\\\\fileserver\\ketoan)');
  });

  it('judges a folder that does not exist yet by its nearest existing parent', () => {
    const pc = windowsPc();
    expect(remoteVolumeProblem('Z:\\ATTK\\moi\\con\\attk.sqlite', pc)).toContain('Ổ Z: là ổ mạng');
    expect(pc.asked.slice(0, 3)).toEqual(['Z:\\ATTK\\moi\\con', 'Z:\\ATTK\\moi', 'Z:\\ATTK']);
    expect(remoteVolumeProblem('c:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản\\attk.sqlite', windowsPc())).toBeNull();
  });

  it('refuses a local folder that is a link to a share, accepts a SUBST drive on a local disk', () => {
    expect(remoteVolumeProblem('C:\\Chung\\ATTK\\attk.sqlite', windowsPc())).toBe(vi.windows.location.remoteFolder('C:\\Chung\\ATTK'));
    expect(remoteVolumeProblem('S:\\ATTK\\attk.sqlite', windowsPc())).toBeNull();
  });

  it('refuses UNC paths by their spelling (as before), without touching the disk', () => {
    const pc = windowsPc();
    for (const unc of ['\\\\server\\share\\attk.sqlite', '//server/share/attk.sqlite', '\\\\?\\UNC\\server\\share\\attk.sqlite']) {
      expect(remoteVolumeProblem(unc, pc), unc).toBe(vi.errors.dbNetworkPath);
    }
    expect(pc.asked).toEqual([]);
    expect(isNetworkPath('\\\\?\\C:\\Users\\lan\\attk.sqlite')).toBe(false);
    expect(remoteVolumeProblem('\\\\?\\C:\\Users\\lan\\AppData\\Local\\attk.sqlite', pc)).toBeNull();
  });

  it('leaves a drive that answers nothing (disconnected) to the open, which fails with its own message', () => {
    expect(remoteVolumeProblem('Y:\\ATTK\\attk.sqlite', windowsPc())).toBeNull();
  });

  it('reads the share out of both UNC spellings GetFinalPathNameByHandleW may give', () => {
    expect(uncShare('\\\\fileserver\\ketoan\\ATTK')).toBe('\\\\fileserver\\ketoan');
    expect(uncShare('\\\\?\\UNC\\nas\\chung\\x')).toBe('\\\\nas\\chung');
    expect(uncShare('\\\\?\\C:\\x')).toBeNull();
    expect(uncShare('C:\\x')).toBeNull();
  });
});

describe('remoteVolumeProblem on Linux', () => {
  const linux = (type: number): VolumeProbe => ({ platform: 'linux', realpath: (p) => p, statfsType: () => type });

  it('refuses NFS, SMB and CIFS mounts, accepts ext4', () => {
    for (const type of [0x6969, 0x517b, 0xff534d42, 0xfe534d42]) {
      expect(remoteVolumeProblem('/mnt/share/attk.sqlite', linux(type))).toBe(vi.windows.location.remoteFolder('/mnt/share'));
    }
    expect(remoteVolumeProblem('/home/lan/attk.sqlite', linux(0xef53))).toBeNull();
  });

  const dir = mkdtempSync(join(tmpdir(), 'attk-location-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('finds this machine’s temporary folder local with the real probe', () => {
    expect(remoteVolumeProblem(join(dir, 'sub', 'attk.sqlite'))).toBeNull();
  });
});
