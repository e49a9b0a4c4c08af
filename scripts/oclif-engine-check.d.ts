// The types of scripts/oclif-engine-check.js, for the test that pins it (test/e2e/oclif-bundle.test.ts).
export function satisfiesAtLeast(version: string, range: string): boolean | undefined
export function withBundledEngineCheck(code: string, range: string): string
