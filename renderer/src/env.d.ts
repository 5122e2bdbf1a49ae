/// <reference types="vite/client" />

/** The app's version from package.json, set by vite.config.ts. */
declare const __APP_VERSION__: string;
/** The day this build was made (YYYY-MM-DD); the clock guard refuses a computer clock before it. */
declare const __BUILD_DATE__: string;
