// A small Connections page on the reference adapter: each lapsed connection has a key button that
// runs the library's re-authorization flow against this example backend.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionsProvider, createFetchAdapter, en as words, getProvider, useConnections } from 'react-connected-accounts';

const adapter = createFetchAdapter({ baseUrl: '/api' });

function ConnectionsPage() {
  const { connections, status, error, reauthorize, getFlow } = useConnections();
  const [announcement, setAnnouncement] = useState('');

  const run = (connection, input) =>
    reauthorize(connection.id, input).then(
      () => setAnnouncement(`${connection.accountName} reconnected.`),
      (failure) =>
        setAnnouncement(
          failure.isCancellation
            ? `Sign-in for ${connection.accountName} was cancelled; it still needs authorization.`
            : `${connection.accountName} could not be re-authorized: ${failure.message}`,
        ),
    );

  return h(
    'main',
    null,
    h('h1', null, 'Connections'),
    h('p', { role: 'status', 'aria-live': 'polite', className: 'announcement' }, announcement),
    status === 'loading' && h('p', null, words['list.loading'] ?? 'Loading…'),
    error && h('p', { role: 'alert' }, error.message),
    h(
      'ul',
      { className: 'connections' },
      connections.map((connection) =>
        h(Row, { key: connection.id, connection, flow: getFlow(connection.id), onReauthorize: (input) => run(connection, input) }),
      ),
    ),
  );
}

function Row({ connection, flow, onReauthorize }) {
  const [form, setForm] = useState(false);
  const lapsed = connection.status === 'authorization_required';
  const label = `Re-authorize ${connection.accountName}`;
  const byLogin = connection.authMethod === 'credentials';
  return h(
    'li',
    { 'data-connection-id': connection.id, 'data-status': connection.status, 'data-phase': flow.phase },
    h('span', { className: 'account' }, connection.accountName),
    ' · ',
    h('span', { className: 'provider' }, getProvider(connection.provider).label),
    ' · ',
    h('span', { className: 'status' }, words[`status.${connection.status}`] ?? connection.status),
    lapsed &&
      h(
        'button',
        { type: 'button', 'aria-label': label, title: label, disabled: flow.phase === 'completing', onClick: () => (byLogin ? setForm(true) : onReauthorize()) },
        h(KeyIcon),
      ),
    lapsed && byLogin && form && h(LoginForm, { onSubmit: (credentials) => onReauthorize({ credentials }).finally(() => setForm(false)) }),
  );
}

function LoginForm({ onSubmit }) {
  return h(
    'form',
    {
      onSubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        // Handed to the adapter once, in a POST body; not kept in state.
        onSubmit({ username: String(data.get('username')), password: String(data.get('password')) });
        event.currentTarget.reset();
      },
    },
    h('label', null, 'User name ', h('input', { name: 'username', autoComplete: 'username', required: true })),
    h('label', null, ' Password ', h('input', { name: 'password', type: 'password', autoComplete: 'current-password', required: true })),
    h('button', { type: 'submit' }, 'Sign in'),
  );
}

function KeyIcon() {
  return h(
    'svg',
    { width: 15, height: 15, viewBox: '0 0 15 15', fill: 'none', 'aria-hidden': true, style: { color: '#d92d20' } },
    h('path', {
      d: 'M9.5 1.5a4 4 0 0 0-3.86 5.03L1.5 10.67V13.5h2.83l.67-.67V11.5h1.33v-1.33H7.7l.77-.77A4 4 0 1 0 9.5 1.5Zm1 2.25a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5Z',
      fill: 'currentColor',
    }),
  );
}

createRoot(document.getElementById('root')).render(h(ConnectionsProvider, { adapter }, h(ConnectionsPage)));
