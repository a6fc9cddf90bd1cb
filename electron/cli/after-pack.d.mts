// Types for after-pack.mjs: the fields of electron-builder 26's AfterPackContext the hook reads.
import type { BuildTarget, NativeModule } from './native-modules.mjs';

export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  /** builder-util's Arch enum value (0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal). */
  arch: number;
  packager: {
    info: { projectDir: string; framework: { version: string } };
    getResourcesDir(appOutDir: string): string;
  };
}
export interface AfterPackOptions {
  modules?: readonly NativeModule[];
  abiOf?: (electronVersion: string) => number | Promise<number>;
  prepare?: (target: BuildTarget) => void | Promise<void>;
  log?: (message: string) => void;
}
export interface PlacedAddon {
  module: string;
  from: string;
  to: string;
  sha256: string;
}
export class NativePackagingError extends Error {}
export function electronAbi(electronVersion: string): Promise<number>;
export function readAsarHeader(archive: string): { files: Record<string, unknown> };
export function afterPack(context: AfterPackContextLike, options?: AfterPackOptions): Promise<PlacedAddon[]>;
export default afterPack;
