import { fileProblemError, ImportFileError } from '../import/problems';
import { runFileTask } from '../import/run-reader';
import type { ParsedCampaignFile } from './campaign-file';

// The campaign file (≤ 2 MB of signed JSON) is decoded, its Ed25519 signature checked and its
// payload validated in the file worker (issue 16 §4): a 1.7 MB file with 10,000 units held the
// main thread 140–790 ms on a loaded machine. Without a built worker (vitest) it runs inline.
// Errors cross as the same AttkError (code, message, path).

export async function parseCampaignFileOffThread(fileName: string, dataBase64: string): Promise<ParsedCampaignFile> {
  try {
    return (await runFileTask({ type: 'parseCampaignFile', fileName, dataBase64 })) as ParsedCampaignFile;
  } catch (error) {
    // A worker stopped or out of memory: the file's own message; an AttkError (bad signature…) as is.
    if (error instanceof ImportFileError) throw fileProblemError(fileName, error.problem);
    throw error;
  }
}
