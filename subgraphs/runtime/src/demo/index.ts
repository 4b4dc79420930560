/**
 * `@movement/runtime/demo`: the synthetic world the seeds write and the stand-in identity provider
 * of `npm start`. An entry of its own, so that a service never runs on demo data it imported by
 * accident (a lint rule keeps it to the seeds and the demo launcher).
 */
export * from './data';
export * from './token-issuer';
