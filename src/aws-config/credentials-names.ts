// Profile names defined in the shared credentials file. Both SDKs merge a credentials-file section over the
// config profile of the same name, so a generated profile with such a name would be shadowed (or would shadow
// hand-written keys): the planner treats these names like hand-written profiles.

/** Every section name in a credentials file, e.g. `[prod]` gives "prod" (both SDKs use the bare name there). */
export function credentialsProfileNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const m = /^\s*\[([^\]]*)\]/.exec(line);
    const name = m?.[1]?.trim();
    if (name) names.add(name);
  }
  return names;
}
