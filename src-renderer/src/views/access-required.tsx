/** Shown when the server refuses the browser: the page was opened without the token link. */
export function AccessRequired() {
  return (
    <main className="access-required">
      <h1>Vigil needs its access link</h1>
      <p>
        This Vigil server only answers browsers that opened the link it printed when it started, which carries an access token (
        <code>http://127.0.0.1:4820/?token=…</code>). Open that link once; the browser then remembers the token for this server.
      </p>
      <p>If the server was restarted without <code>--token</code>, it chose a new token: copy the new link from its output.</p>
    </main>
  );
}
