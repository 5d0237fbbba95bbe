import { createSignal, onMount } from 'solid-js';

/**
 * Reads a link's token from the address's fragment (#…): browsers send fragments to no server,
 * so the token stays out of logs and Referer headers. Then clears it from the address bar.
 */
export function useLinkToken(): () => string | undefined {
  // Undefined until the page is in the browser; then the token, '' when the link had none.
  const [token, setToken] = createSignal<string>();
  onMount(() => {
    setToken(window.location.hash.slice(1));
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname);
  });
  return token;
}
