import { isAppUrl } from './app-protocol';

/** What the check reads from Electron's `WebFrameMain` (`event.senderFrame`). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
}

/**
 * Only the top frame of a page served from our own origin may call the API. A subframe (even one
 * on app://), a frame showing any other URL, a detached frame, or a missing frame (it navigated
 * away while the call was in flight) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.detached === true) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
