// Types for native-modules.mjs (plain ESM so that electron-builder and start-electron.mjs load it unbuilt).
export interface NativeModule {
  readonly name: string;
  readonly file: string;
  readonly env: string;
  readonly prebuilt: boolean;
}
export interface AddonInfo {
  format: 'pe' | 'elf' | 'macho' | 'unknown';
  arch: string | null;
  abi: number | 'napi' | null;
  abiConflict: boolean;
}
export interface BuildTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}
export const NATIVE_MODULES: readonly NativeModule[];
export const PLATFORM_FORMAT: Readonly<Record<string, 'pe' | 'elf' | 'macho'>>;
export function preparedDir(projectDir: string, target: BuildTarget): string;
export function preparedBinding(dir: string, module: NativeModule): string;
export function preparedStamp(input: BuildTarget & { modules: Record<string, string> }): {
  electron: string;
  platform: string;
  arch: string;
  modules: Record<string, string>;
};
export function inspectAddon(bytes: Uint8Array): AddonInfo;
export function addonMismatch(info: AddonInfo, target: { platform: string; arch: string; abi: number; electronVersion?: string }): string | null;
