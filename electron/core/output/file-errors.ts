import { vi } from '../../../shared/i18n/vi';

/**
 * The Vietnamese message for a file-system error a person can meet while ATTK writes a file,
 * or null for an error that is a bug (it then goes to the log as one). The path is the one the
 * user knows (the output they chose, the database).
 */
export function fileErrorMessage(error: unknown, path: string): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const F = vi.safety.files;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return F.diskFull(path);
    case 'EACCES':
    case 'EPERM':
      return F.noPermission(path);
    case 'EROFS':
      return F.readOnlyDisk(path);
    case 'EBUSY':
    case 'ETXTBSY':
      return F.inUse(path);
    case 'ENOENT':
      return F.notFound(path);
    case 'ENAMETOOLONG':
      return F.nameTooLong(path);
    case 'EIO':
      return F.io(path);
    default:
      return null;
  }
}
