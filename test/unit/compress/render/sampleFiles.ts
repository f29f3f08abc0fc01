import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDir } from '../../../helpers/repoPaths';

export interface SampleFile {
  /** The language id of the folder it sits in. */
  readonly language: string;
  readonly path: string;
  readonly text: string;
}

/** test/fixtures/samples/<language id>/<file>: one realistic source file per language of the table. */
export function sampleFiles(): SampleFile[] {
  const root = path.join(fixturesDir, 'samples');
  return fs.readdirSync(root).sort().flatMap((language) =>
    fs.readdirSync(path.join(root, language)).sort().map((name) => ({
      language,
      path: `samples/${language}/${name}`,
      text: fs.readFileSync(path.join(root, language, name), 'utf8'),
    })),
  );
}
