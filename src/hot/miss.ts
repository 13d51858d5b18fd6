// Bundle entry for the cache-miss path (dist/miss.mjs). Importing it does not load the SDK: only the process that
// takes the role's lock does, through a further dynamic import (see services/role-credentials.ts).
export { fetchRoleCredentials } from '../services/role-credentials.js';
