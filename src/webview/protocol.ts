// The messages between the extension host and the sidebar panel, both directions. Types only:
// the extension and the webview script each import them, nothing runs from here.
import type { GrammarCheck } from '../core/chunking/checkGrammar';
import type { IndexSummary } from '../core/chunking/chunkIndex';
import type { ResultForView } from './viewModel/resultForView';

export interface PanelStatus {
  readonly version: string;
  readonly budgets: { readonly question: number; readonly completion: number };
  readonly languages: readonly { readonly id: string; readonly name: string }[];
  /** Undefined while the check runs. */
  readonly parserCheck: GrammarCheck | undefined;
  /** Undefined until the workspace has been indexed. */
  readonly index: IndexSummary | undefined;
}

/** Which files a compression from the panel reads. */
export type PanelScope = 'currentFile' | 'openEditors' | 'selection' | 'workspace';

/** What the panel shows about the window, sent when the panel is ready and when any of it changes. */
export interface PanelContext {
  /** False in an untrusted folder: only the n-gram scorer runs there. */
  readonly trusted: boolean;
  /** longcodezip.budget.question: the slider's start before anything ran. */
  readonly questionBudget: number;
  /** The active editor's workspace-relative path, if it is a file of the workspace. */
  readonly currentFile: string | undefined;
  readonly openEditors: number;
  /** The explorer selection the last "Compress Selected" read; undefined until there is one. */
  readonly selection: readonly string[] | undefined;
}

/** The latest compression, whichever command made it. */
export interface PanelResult {
  readonly result: ResultForView;
  /** The question, or "completion at path:line". */
  readonly query: string;
  readonly mode: 'question' | 'completion';
  readonly scope: PanelScope;
  /** "workspace library", "shelfwise/fees.py", "3 open editors". */
  readonly scopeLabel: string;
  readonly budget: number;
  readonly finishedAt: number;
}

export type RunState =
  | { readonly state: 'idle' }
  /** `own`: started from this panel, so it can be cancelled here. */
  | { readonly state: 'running'; readonly own: boolean; readonly message: string; readonly fraction?: number }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

export type HostToPanelMessage =
  | { readonly type: 'status'; readonly status: PanelStatus }
  | { readonly type: 'context'; readonly context: PanelContext }
  | { readonly type: 'result'; readonly result: PanelResult | undefined }
  | { readonly type: 'run'; readonly run: RunState }
  /** A line for the user that needs no notification, e.g. that Send is not available. */
  | { readonly type: 'notice'; readonly text: string };

export type PanelToHostMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openSettings' }
  | { readonly type: 'recheckParser' }
  | { readonly type: 'indexWorkspace' }
  /** Compress for a question; a new budget for the same question is answered from cached scores. */
  /** `rebudget`: the slider moved after a result: re-select from cached scores only, never scoring. */
  | { readonly type: 'compress'; readonly query: string; readonly scope: PanelScope; readonly budget: number; readonly rebudget?: boolean }
  | { readonly type: 'cancel' }
  /** Open the file at the chunk's lines (1-based, inclusive). */
  | { readonly type: 'reveal'; readonly path: string; readonly startLine: number; readonly endLine: number }
  | { readonly type: 'copy' }
  | { readonly type: 'send' }
  | { readonly type: 'showPreview' }
  | { readonly type: 'manageTrust' };
