// Style sheets are bundled by esbuild, not imported as values.
declare module '*.css';
