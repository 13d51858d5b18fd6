/** What a login flow asks the person to do. */
export type LoginPrompt =
  /** Device code: the URL carries the code (verificationUriComplete); `opening` says whether a browser is being opened. */
  | { flow: 'device'; url: string; userCode?: string; opening: boolean }
  /** Authorization code (PKCE): shown after the browser was opened, in case it opened somewhere unseen. */
  | { flow: 'pkce'; url: string };

/**
 * How a login flow talks to the person; the terminal (`awsidc login`) and a credential_process child
 * (`--auto-login`, stderr only) each implement it.
 */
export interface LoginUi {
  prompt(p: LoginPrompt): void;
  /** Opens the URL; false when no browser could be opened. */
  openBrowser(url: string): Promise<boolean>;
  /** A one-line note, e.g. why the flow changed. */
  note(line: string): void;
}
