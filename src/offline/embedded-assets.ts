/**
 * The single-file build (`npm run build:offline`) is opened from disk (file://), where a page
 * cannot fetch the files beside it. That build carries the levels, the map data and the
 * sounds inside the page, in a JSON script element (`#lifeline-assets`: path → text, or a
 * `data:` URL for sounds), and runs this module before the game: it answers the game's own
 * requests for those paths from there, through `fetch` (levels, map data) and
 * XMLHttpRequest (Howler loads sounds with it). The game's code is the same in both builds;
 * the served site never loads this module (see vite.offline.config.ts).
 */
const element = document.getElementById('lifeline-assets');
const assets = new Map<string, string>(Object.entries(element?.textContent ? (JSON.parse(element.textContent) as Record<string, string>) : {}));
const folder = new URL('./', document.baseURI).href;

/** The embedded body for a URL of a file next to the page, if there is one. */
function embedded(url: string | URL): string | undefined {
  let href: string;
  try {
    href = new URL(String(url), document.baseURI).href.replace(/[?#].*$/, '');
  } catch {
    return undefined;
  }
  return href.startsWith(folder) ? assets.get(decodeURIComponent(href.slice(folder.length))) : undefined;
}

if (assets.size > 0) {
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = embedded(input instanceof Request ? input.url : input);
    if (body === undefined) return realFetch(input, init);
    if (body.startsWith('data:')) return realFetch(body);
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };

  const open = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) => void;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]): void {
    const body = embedded(url);
    open.call(this, method, body?.startsWith('data:') ? body : url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
}

export {};
