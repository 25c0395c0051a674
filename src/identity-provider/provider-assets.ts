/**
 * The provider pages' own styles, on the RVO design tokens the screens use too (served beside it), so the sign-in looks
 * like Brigade without loading the screens' bundle. Plain CSS from this module: the build copies no other files.
 */
export const SIGN_IN_STYLESHEET = `
.rvo-theme {
  --rvo-font-sans-serif-font-family: 'RijksoverheidSansWebText', Verdana, Calibri, Arial, sans-serif;
}
body.rvo-theme {
  margin: 0;
  font-family: var(--rvo-font-sans-serif-font-family);
  color: var(--rvo-color-zwart, #000);
  background: var(--rvo-color-wit, #fff);
  line-height: 1.5;
}
:focus-visible {
  outline: 3px solid var(--rvo-color-logoblauw, #154273);
  outline-offset: 2px;
  box-shadow: 0 0 0 5px var(--rvo-color-wit, #fff);
}
.vb-idp-banner {
  padding: 0.5rem 1rem;
  background: var(--rvo-color-oranje, #e17000);
  color: var(--rvo-color-zwart, #000);
  font-weight: bold;
  text-align: center;
}
.vb-idp-header {
  display: flex;
  justify-content: space-between;
  align-items: center;
  padding: 1rem;
  background: var(--rvo-color-logoblauw, #154273);
  color: var(--rvo-color-wit, #fff);
}
.vb-idp-brand {
  font-size: 1.25rem;
  font-weight: bold;
}
.vb-idp-language {
  color: var(--rvo-color-wit, #fff);
}
.vb-idp-main {
  max-width: 28rem;
  margin: 2rem auto;
  padding: 0 1rem;
}
.vb-idp-main h1 {
  color: var(--rvo-color-logoblauw, #154273);
  font-size: 1.75rem;
}
.vb-idp-form {
  display: grid;
  gap: 1.25rem;
}
.vb-idp-field {
  display: grid;
  gap: 0.25rem;
}
.vb-idp-field label {
  font-weight: bold;
}
.vb-idp-field input {
  font: inherit;
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--rvo-color-grijs-700, #535353);
  border-radius: 4px;
}
.vb-idp-field input[aria-invalid='true'] {
  border: 2px solid var(--rvo-color-rood, #d52b1e);
}
.vb-idp-actions {
  display: flex;
  gap: 1rem;
  flex-wrap: wrap;
}
.vb-idp-button {
  justify-self: start;
  font: inherit;
  font-weight: bold;
  padding: 0.625rem 1.25rem;
  border: 2px solid var(--rvo-color-hemelblauw, #007bc7);
  border-radius: 4px;
  background: var(--rvo-color-hemelblauw, #007bc7);
  color: var(--rvo-color-wit, #fff);
  cursor: pointer;
}
.vb-idp-button:hover {
  background: var(--rvo-color-logoblauw, #154273);
  border-color: var(--rvo-color-logoblauw, #154273);
}
.vb-idp-button--secondary {
  background: var(--rvo-color-wit, #fff);
  color: var(--rvo-color-logoblauw, #154273);
}
.vb-idp-error {
  margin-bottom: 1.25rem;
  padding: 0.75rem 1rem;
  border-left: 6px solid var(--rvo-color-rood, #d52b1e);
  background: var(--rvo-color-rood-150, #fbe9e8);
}
.vb-idp-error p {
  margin: 0;
}
.vb-idp-details dt {
  font-weight: bold;
}
.vb-idp-details dd {
  margin: 0 0 0.5rem;
  overflow-wrap: anywhere;
}
`;

/** Sends the sign-out form at once where the page asks for it: a script of its own, as the pages allow no inline script. */
export const SIGN_OUT_SCRIPT = `'use strict';
(function () {
  var button = document.querySelector('[data-sign-out-now]');
  var form = document.getElementById('op.logoutForm');
  if (button && form && typeof form.requestSubmit === 'function') form.requestSubmit(button);
  else if (button) button.click();
})();
`;
