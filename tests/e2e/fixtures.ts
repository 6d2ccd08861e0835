// The `test` and `expect` every browser test imports: pages may load only from the local server.
import { test as base, expect } from '@playwright/test';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for requests that would leave this machine (remote images, fonts, analytics). */
function isRemote(url: URL): boolean {
  return !LOCAL_HOSTS.has(url.hostname);
}

export const test = base.extend({
  // Remote requests are aborted, not fetched: the tests must not depend on the network.
  context: async ({ context }, use) => {
    await context.route(isRemote, (route) => route.abort('blockedbyclient'));
    await use(context);
  },
});

export { expect };
