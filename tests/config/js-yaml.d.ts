// js-yaml arrives with electron-builder, without its types (@types/js-yaml is only a devDependency
// of app-builder-lib). This declares the one function the config tests use.
declare module 'js-yaml' {
  export function load(source: string, options?: { filename?: string }): unknown;
  const yaml: { load: typeof load };
  export default yaml;
}
