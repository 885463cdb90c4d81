import { JOIN_PRIVACY_NOTICE_VERSION } from '../residents/join/join-steps.js';

/**
 * The version of the privacy notice at /subscribe/privacy, recorded with each resident's consent
 * (`privacyNoticeVersion` in the web opt-in's request). The same notice and version as JOIN on
 * WhatsApp records, so both ways in point at one notice; change both together when it changes.
 */
export const PRIVACY_NOTICE_VERSION = JOIN_PRIVACY_NOTICE_VERSION;
