export interface DigitalSignatureInfo {
  signer: string;
  organisation: string;
  serial: string;
  signedAt: string;
}

/** The visible signature block's details from the print route's query (set by the signing card or the desktop printer). */
export function digitalSignatureOf(params: URLSearchParams): DigitalSignatureInfo | null {
  const signer = params.get('signer');
  if (!signer) return null;
  return { signer, organisation: params.get('org') ?? '', serial: params.get('serial') ?? '', signedAt: params.get('signedAt') ?? '' };
}
