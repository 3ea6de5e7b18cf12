// The story tests render in StrictMode, as `npm start` does (main.ts) and as apps do in
// development. Set before Storybook's React renderer loads: it reads this once.
const host = globalThis as { FRAMEWORK_OPTIONS?: object };
host.FRAMEWORK_OPTIONS = { ...host.FRAMEWORK_OPTIONS, strictMode: true };
