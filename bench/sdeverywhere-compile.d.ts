/**
 * Types for the parts of `@sdeverywhere/compile` (plain JavaScript, no
 * declarations) that the peer benchmark uses; signatures follow its
 * src/parse-and-generate.js and src/index.js (version 0.7.28).
 */
declare module '@sdeverywhere/compile' {
  /** The model spec: input and output variable names as written in the model. */
  export interface ModelSpec {
    inputVarNames?: string[];
    outputVarNames?: string[];
    [key: string]: unknown;
  }
  /**
   * Parses a Vensim or XMILE model and generates code; with `'generateJS'` the result
   * (also written to `buildDir/modelName.js`) is an ES module whose default export
   * resolves to a `JsModel`.
   */
  export function parseAndGenerate(
    input: string,
    modelKind: 'vensim' | 'xmile',
    spec: ModelSpec,
    operations: string[],
    modelDirname: string,
    modelName: string,
    buildDir: string,
    varname?: string,
  ): Promise<string>;
  /** Clears the module-level model state left by a previous parse. */
  export function resetState(): void;
}
