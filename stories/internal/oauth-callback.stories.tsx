import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { handleAuthorizationCallback } from '../../src';
import type { AuthorizationCallbackOutcome } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * The OAuth callback page of the simulated flow
 *
 * What an integrator's own callback page does, in a React page. The in-memory adapter no longer
 * redirects here: its sign-in page answers the app directly. Hidden from the sidebar and the
 * test run: it only makes sense inside the popup.
 * -----------------------------------------------------------------------------------------------*/

const words = {
  en: {
    pending: 'Finishing the sign-in…',
    sent: 'Signed in. This window closes by itself; if it stays open, you can close it.',
    lost: 'The app did not get this sign-in. Try again from the app.',
    error: 'The sign-in did not complete. You can close this window and try again from the app.',
    reason: 'The platform said:',
    invalid: 'This page only finishes a sign-in started from the app. You can close this window.',
  },
  es: {
    pending: 'Terminando el inicio de sesión…',
    sent: 'Sesión iniciada. Esta ventana se cierra sola; si sigue abierta, puede cerrarla.',
    lost: 'La aplicación no recibió este inicio de sesión. Vuelva a intentarlo desde ella.',
    error: 'El inicio de sesión no terminó. Puede cerrar esta ventana y volver a intentarlo desde la aplicación.',
    reason: 'La plataforma respondió:',
    invalid: 'Esta página solo termina un inicio de sesión empezado en la aplicación. Puede cerrar esta ventana.',
  },
};

function OAuthCallbackPage() {
  const [outcome, setOutcome] = React.useState<AuthorizationCallbackOutcome | null>(null);
  const [received, setReceived] = React.useState<boolean | null>(null);
  const handled = React.useRef(false);
  React.useEffect(() => {
    // Once: the parameters leave the address bar on the first call.
    if (handled.current) return;
    handled.current = true;
    const next = handleAuthorizationCallback({ messages: false });
    setOutcome(next);
    if (next.status === 'sent') void next.received.then(setReceived);
  }, []);

  const text = typeof navigator !== 'undefined' && navigator.language.startsWith('es') ? words.es : words.en;
  if (!outcome) return <p role="status">{text.pending}</p>;
  if (outcome.status === 'invalid') return <p role="status">{text.invalid}</p>;
  if (outcome.status === 'sent') return received === false ? <p role="alert">{text.lost}</p> : <p role="status">{text.sent}</p>;
  if (outcome.status === 'undelivered') return <p role="alert">{text.error}</p>;
  const { error, errorDescription } = outcome.result;
  return (
    <div role="alert">
      <p>{text.error}</p>
      <p>
        {text.reason} <code>{error}</code>
        {errorDescription ? ` — ${errorDescription}` : null}
      </p>
    </div>
  );
}

const meta = {
  title: 'Internal/OAuth callback',
  component: OAuthCallbackPage,
  tags: ['!dev', '!test', '!autodocs'],
  parameters: { connections: { wrap: false }, layout: 'centered' },
} satisfies Meta<typeof OAuthCallbackPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};
