import { remoteFingerprint } from '../../core/scoring/remote/remoteFingerprint';
import { RemoteScorer, type RemoteScorerOptions } from '../../core/scoring/remote/remoteScorer';

type Open = (options: RemoteScorerOptions) => Promise<RemoteScorer>;

/**
 * The remote scorer the extension keeps between compressions, as it keeps the neural scorer's process:
 * opened (tokenizer loaded, the server asked for its models) once per server, model, tokenizer files and
 * API key, so a second question reuses the token log-probs it holds. A failed open is not kept. No `vscode` here.
 */
export class RemoteScorerKeeper {
  private kept: { readonly identity: string; readonly scorer: Promise<RemoteScorer> } | undefined;

  constructor(private readonly open: Open = (options) => RemoteScorer.open(options)) {}

  scorer(options: RemoteScorerOptions): Promise<RemoteScorer> {
    const identity = JSON.stringify([remoteFingerprint(options.endpoint, options.model, options.tokenizerFolder), options.apiKey ?? '', options.hostAllowed === true]);
    if (this.kept?.identity === identity) return this.kept.scorer;
    this.dispose();
    const scorer = this.open(options);
    const kept = { identity, scorer };
    this.kept = kept;
    scorer.catch(() => {
      if (this.kept === kept) this.kept = undefined;
    });
    return scorer;
  }

  /** Forgets the scorer and what it holds in memory (Clear Caches, a settings change). */
  dispose(): void {
    const kept = this.kept;
    this.kept = undefined;
    kept?.scorer.then(
      (scorer) => scorer.dispose(),
      () => undefined,
    );
  }
}
