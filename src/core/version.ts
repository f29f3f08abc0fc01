/** The version of the engine, the extension and the CLI: they ship together. */
export const VERSION: string = __LONGCODEZIP_VERSION__;
