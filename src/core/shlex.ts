/**
 * Splits a line into words as Python's shlex.split does in POSIX mode, which is how botocore reads both section
 * headers and credential_process lines: quotes group (no escapes inside single quotes), a backslash escapes the
 * next character outside them. Null when a quote does not close: botocore would fail on such a line too.
 * `"/opt/my node/bin/node" x.cjs credentials` gives ['/opt/my node/bin/node', 'x.cjs', 'credentials'].
 */
export function shlexSplit(s: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close === -1) return null;
      cur += s.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        // Inside double quotes a backslash only escapes \ " $ ` and a newline.
        if (s[j] === '\\' && j + 1 < s.length && '\\"$`\n'.includes(s[j + 1] as string)) j++;
        cur += s[j];
      }
      if (j >= s.length) return null;
      inWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= s.length) return null;
      cur += s[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
