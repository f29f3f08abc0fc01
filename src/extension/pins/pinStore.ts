import * as vscode from 'vscode';
import type { PinSpec } from '../../core/compress/resolvePins';
import { samePin } from './pinTarget';

const KEY = 'longcodezip.pins';

/**
 * The user's pins, per workspace folder, kept in the workspace's state (they survive reloads and stay
 * with this workspace). Paths are relative to their folder, as in the CLI's `--pin PATH[:NAME]`.
 */
export class PinStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  pinsOf(folder: vscode.Uri): readonly PinSpec[] {
    return this.all()[folder.toString()] ?? [];
  }

  has(folder: vscode.Uri, pin: PinSpec): boolean {
    return this.pinsOf(folder).some((known) => samePin(known, pin));
  }

  async add(folder: vscode.Uri, pin: PinSpec): Promise<void> {
    if (this.has(folder, pin)) return;
    await this.write(folder, [...this.pinsOf(folder), pin]);
  }

  async remove(folder: vscode.Uri, pin: PinSpec): Promise<void> {
    await this.write(folder, this.pinsOf(folder).filter((known) => !samePin(known, pin)));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private all(): Record<string, PinSpec[]> {
    return this.state.get<Record<string, PinSpec[]>>(KEY, {});
  }

  private async write(folder: vscode.Uri, pins: readonly PinSpec[]): Promise<void> {
    const all = { ...this.all() };
    if (pins.length === 0) delete all[folder.toString()];
    else all[folder.toString()] = [...pins];
    await this.state.update(KEY, all);
    this.changed.fire();
  }
}
