// The messages between the extension host and the sidebar panel, both directions. Types only:
// the extension and the webview script each import them, nothing runs from here.
import type { GrammarCheck } from '../core/chunking/checkGrammar';
import type { IndexSummary } from '../core/chunking/chunkIndex';

export interface PanelStatus {
  readonly version: string;
  readonly budgets: { readonly question: number; readonly completion: number };
  readonly languages: readonly { readonly id: string; readonly name: string }[];
  /** Undefined while the check runs. */
  readonly parserCheck: GrammarCheck | undefined;
  /** Undefined until the workspace has been indexed. */
  readonly index: IndexSummary | undefined;
}

export type HostToPanelMessage = { readonly type: 'status'; readonly status: PanelStatus };

export type PanelToHostMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openSettings' }
  | { readonly type: 'recheckParser' }
  | { readonly type: 'indexWorkspace' };
