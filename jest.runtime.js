const { compileFunction } = require('node:vm');
const Runtime = require('jest-runtime').default;

/**
 * Jest's runtime, keeping V8's compiled code of each module for the next test files of the worker.
 *
 * Every test file has a module registry of its own, so each file compiles the graph's code and its
 * dependencies (GraphQL, Apollo, Prisma, PGlite...) again from source. The compiled code does not
 * depend on the file's context: kept here, in the worker's own module scope (which outlives its
 * test files), it spares the files after the first most of that parsing. It is used only for the
 * very source it was made from (V8 itself checks little more than the length), and a module whose
 * code V8 rejects is compiled from source, as Jest would.
 */
const compiled = new Map();

class CachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    // Jest's own compilation whenever its internals are not those this was written against.
    if (typeof executor?.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return;
    const jestCompile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || executor.resolution.isCoreModule(filename)) return jestCompile(scriptSource, filename);
      const kept = compiled.get(filename);
      const cachedData = kept && kept.source === scriptSource ? kept.data : undefined;
      let compiledFunction;
      try {
        compiledFunction = compileFunction(scriptSource, executor.injectedModuleParameters, {
          filename,
          cachedData,
          produceCachedData: cachedData === undefined,
          importModuleDynamically: (specifier, _function, importAttributes, phase) =>
            executor.dynamicImport(specifier, filename, vmContext, importAttributes, phase),
          parsingContext: vmContext,
        });
      } catch {
        // Jest's compilation reports the error as Jest would.
        return jestCompile(scriptSource, filename);
      }
      if (compiledFunction.cachedDataRejected) compiled.delete(filename);
      else if (cachedData === undefined && compiledFunction.cachedData) compiled.set(filename, { source: scriptSource, data: compiledFunction.cachedData });
      return compiledFunction;
    };
  }
}

module.exports = CachingRuntime;
