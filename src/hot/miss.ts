// Bundle entry for the cache-miss path (dist/miss.mjs): the SDK is loaded only when this is imported.
export { fetchRoleCredentials } from '../services/role-credentials.js';
