// Where the database may live: on a disk of this machine, never across the network.
//
// SQLite's WAL mode keeps its index in shared memory, which only works when every process using
// the file runs on one host; over SMB a second PC (or an oplock break) can corrupt the file
// (sqlite.org/wal.html "WAL does not work over a network filesystem"). So the app refuses:
//   - UNC paths (\\server\share\…, //server/share/…) — by their spelling (isNetworkPath);
//   - Windows drive letters mapped to a share (net use Z: \\server\share) and local folders that are
//     links to a share: the nearest existing folder is resolved with fs.realpathSync.native, which on
//     Windows is GetFinalPathNameByHandleW and answers with the share's UNC name for a remote
//     volume (what GetDriveType calls DRIVE_REMOTE) and with a drive path for a local one;
//   - on Linux, folders on NFS/SMB/CIFS/AFS/Ceph (statfs f_type).
// Pure apart from the injected probe, so every rule is tested on Linux with path.win32.
import { realpathSync, statfsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { vi } from '../../../shared/i18n/vi';

/** A UNC path by its spelling (`\\?\C:\…` is a local long path, not UNC). */
export function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(file) && !/^\\\\\?\\[A-Za-z]:/.test(file);
}

export interface VolumeProbe {
  platform: NodeJS.Platform;
  /** fs.realpathSync.native; throws for a path that does not exist. */
  realpath: (path: string) => string;
  /** fs.statfsSync(path).type (Linux f_type); not meaningful on Windows. */
  statfsType?: (path: string) => number;
}

export const nodeVolumeProbe: VolumeProbe = {
  platform: process.platform,
  realpath: (path) => realpathSync.native(path),
  statfsType: (path) => Number(statfsSync(path).type),
};

/** Linux f_type of network file systems (linux/magic.h): NFS, SMB, CIFS, SMB2, AFS, Ceph. */
const NETWORK_FS_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x5346414f, 0x00c36400]);

/** `\\server\share\…` or `\\?\UNC\server\share\…` → `\\server\share`; null for a drive path. */
export function uncShare(resolved: string): string | null {
  const m = /^(?:\\\\\?\\UNC\\|\\\\(?!\?\\|\.\\))([^\\]+)\\([^\\]+)/i.exec(resolved);
  return m ? `\\\\${m[1]}\\${m[2]}` : null;
}

/**
 * Why a database file may not be opened at this path (a Vietnamese message), or null when its
 * folder is on this machine. A path whose folders do not exist at all is not judged here: opening
 * it fails with its own message.
 */
export function remoteVolumeProblem(file: string, probe: VolumeProbe = nodeVolumeProbe): string | null {
  if (isNetworkPath(file)) return vi.errors.dbNetworkPath;
  const path = probe.platform === 'win32' ? win32 : posix;
  let dir = path.dirname(path.normalize(file));
  let resolved: string;
  for (;;) {
    try {
      resolved = probe.realpath(dir);
      break;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
  if (probe.platform === 'win32') {
    const share = uncShare(resolved);
    if (!share) return null;
    const drive = /^([A-Za-z]:)/.exec(file)?.[1]?.toUpperCase();
    const mappedRoot = drive ? safeRealpath(probe, `${drive}\\`) : null;
    // The drive itself is the share (net use), or a local folder on it links to one.
    if (drive && mappedRoot && uncShare(mappedRoot)) return vi.windows.location.mappedDrive(drive, share);
    return vi.windows.location.remoteFolder(dir);
  }
  const type = probe.statfsType?.(resolved);
  return type !== undefined && NETWORK_FS_TYPES.has(type) ? vi.windows.location.remoteFolder(dir) : null;
}

function safeRealpath(probe: VolumeProbe, path: string): string | null {
  try {
    return probe.realpath(path);
  } catch {
    return null;
  }
}
