import { VERSION } from '../core/version';

export const USAGE = `longcodezip ${VERSION}: compress long code context before it goes to an LLM

Usage:
  longcodezip --help       show this help
  longcodezip --version    print the version

Exit status: 0 on success, 2 on a usage error, 1 on any other error.
`;
