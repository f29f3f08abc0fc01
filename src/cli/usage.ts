import { VERSION } from '../core/version';

export const USAGE = `longcodezip ${VERSION}: compress long code context before it goes to an LLM

Usage:
  longcodezip compress [PATH...] (--query TEXT | --query-file FILE | --cursor FILE:LINE[:COL]) [--budget N] ...
                           compress the code under PATH for a question or a completion
  longcodezip chunk [PATH...] [--exclude GLOB]... [--format text|json]
                           cut files into the chunks compression works with
  longcodezip devices [list | install-cuda]
                           the devices the neural scorer can run on; fetch CUDA's provider libraries
  longcodezip models [list | pull ID [--dtype D] | path ID]
                           known and downloaded models; download one for the neural scorer
  longcodezip COMMAND --help
                           help for one command
  longcodezip --help       show this help
  longcodezip --version    print the version

Exit status: 0 on success, 2 on a usage error, 1 on any other error.
`;
