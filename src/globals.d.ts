/** The package version, replaced at build time by esbuild's `define`. */
declare const __LONGCODEZIP_VERSION__: string;
