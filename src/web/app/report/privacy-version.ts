/**
 * The privacy notice version shown in the app. It equals PRIVACY_NOTICE_VERSION in contracts/feedback.ts
 * (a test checks it); copied here because that module brings zod, which the citizen app must not load.
 */
export const APP_PRIVACY_NOTICE_VERSION = '2026-01';
