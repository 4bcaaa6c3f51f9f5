/** An empty client module: stands in for one that perfPlugin (index.ts) keeps out of the main bundle. */
export {};
