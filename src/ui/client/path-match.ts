/** The values of a path's `:name` segments, by name. */
export type PathParams = Readonly<Record<string, string>>;

// "/ui/board/" and "/ui/board" are the same screen; the root "/ui/" keeps its slash.
function trimmed(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Matches a path against a pattern such as `/ui/cases/:id`; the parameters, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): PathParams | null {
  const expected = trimmed(pattern).split('/');
  const actual = trimmed(pathname).split('/');
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i += 1) {
    if (expected[i].startsWith(':')) {
      if (actual[i] === '') return null;
      try {
        params[expected[i].slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return null;
      }
    } else if (expected[i] !== actual[i]) {
      return null;
    }
  }
  return params;
}

/** Fills a pattern's parameters in: `pathTo('/ui/cases/:id', { id })`. */
export function pathTo(pattern: string, params: PathParams = {}): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Whether a `next` target from the address bar is a screen of this app, so that sign-in never sends anyone elsewhere. */
export function isAppPath(value: string | null): value is string {
  return value !== null && /^\/ui\/[A-Za-z0-9/_-]*$/.test(value) && !value.includes('//');
}
