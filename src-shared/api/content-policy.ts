/**
 * The Content-Security-Policy of the UI, defined once: the build puts it in index.html, the server and
 * the Electron protocol handler send it as a header. No inline script, no eval, nothing from the network.
 */
export function contentSecurityPolicy(options: { header: boolean }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers the same-origin WebSocket (ws: for http:, wss: for https:) in CSP Level 3.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors is ignored (and warned about) in a <meta> policy; only a header can carry it.
  if (options.header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
