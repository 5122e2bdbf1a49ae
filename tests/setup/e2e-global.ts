/** Global setup of the `e2e` project: one production build served once for every test file. */
import type { TestProject } from 'vitest/node';
import { buildAndPreview } from './preview';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { server, url } = await buildAndPreview('web');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
