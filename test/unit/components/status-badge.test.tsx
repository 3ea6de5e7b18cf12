import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusBadge } from '../../../src/components/status-badge';
import { ConnectionsProvider } from '../../../src/react/context';
import { createMemoryAdapter } from '../../../src/core/memory-adapter';
import { es } from '../../../src/locales/es';
import { expectNoAxeViolations } from './axe';

const NOW = Date.parse('2026-03-10T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('given a lapsed connection', () => {
  it('shows the red key and the words "Authorization required"', () => {
    render(<StatusBadge status="authorization_required" />);
    // The key itself is drawn by styles.css from data-status: see test/browser/status-icons.test.tsx.
    const badge = screen.getByText('Authorization required');
    expect(badge).toHaveClass('rca-status-badge');
    expect(badge).toHaveAttribute('data-status', 'authorization_required');
    expect(badge).toHaveTextContent(/^Authorization required$/);
  });

  it('says how long it has been lapsed, apart from the status even without styles', () => {
    render(<StatusBadge status="authorization_required" since="2026-03-07T08:00:00Z" />);
    const since = screen.getByText('for 3 days');
    expect(since).toHaveClass('rca-status-badge-since');
    expect(since.closest('.rca-status-badge')!.textContent).toBe('Authorization required for 3 days');
  });

  it('speaks Spanish with the Spanish messages', () => {
    render(<StatusBadge status="authorization_required" since="2026-03-10T09:00:00Z" messages={es} />);
    expect(screen.getByText('Se requiere autorización').textContent).toBe('Se requiere autorización desde hace 3 horas');
  });

  it('says it all in English for a language without built-in words, rather than mixing two', () => {
    render(<StatusBadge status="authorization_required" since="2026-03-07T08:00:00Z" locale="fr" />);
    expect(screen.getByText('Authorization required').textContent).toBe('Authorization required for 3 days');
  });

  it('keeps English dates when the integrator only renamed a status', () => {
    render(<StatusBadge status="authorization_required" since="2026-03-07T08:00:00Z" locale="fr" messages={{ 'status.authorization_required': 'Sign-in needed' }} />);
    expect(screen.getByText('Sign-in needed').textContent).toBe('Sign-in needed for 3 days');
  });

  it('formats in that language once the integrator gives words written in it', () => {
    render(
      <StatusBadge
        status="authorization_required"
        since="2026-03-07T08:00:00Z"
        messages={{ locale: 'fr', 'status.authorization_required': 'Autorisation requise', 'status.for': (d) => `depuis ${d}` }}
      />,
    );
    // French puts a narrow no-break space between the number and its unit.
    expect(screen.getByText('Autorisation requise').textContent).toMatch(/^Autorisation requise depuis 3\sjours$/);
  });

  it('takes the locale and overridden words of the provider', () => {
    render(
      <ConnectionsProvider adapter={createMemoryAdapter()} locale="es" messages={{ 'status.authorization_required': 'Hay que reautorizar' }}>
        <StatusBadge status="authorization_required" />
      </ConnectionsProvider>,
    );
    expect(screen.getByText('Hay que reautorizar')).toBeInTheDocument();
  });

  it('lets its own messages win over the built-in ones', () => {
    render(<StatusBadge status="connected" messages={{ 'status.connected': 'Linked' }} />);
    expect(screen.getByText('Linked')).toBeInTheDocument();
  });
});

describe('given each status', () => {
  it.each([
    ['connected', 'Connected'],
    ['authorization_required', 'Authorization required'],
    ['backfilling', 'Backfilling'],
    ['error', 'Error'],
    ['reauthorizing', 'Reconnecting'],
  ] as const)('shows %s in words, with data-status for its icon, never colour alone', (status, words) => {
    const { container } = render(<StatusBadge status={status} />);
    const badge = container.firstElementChild!;
    expect(badge).toHaveAttribute('data-status', status);
    expect(badge).toHaveTextContent(new RegExp(`^${words}$`));
    // Words, not an icon alone: styles.css draws the icon from data-status.
    expect(badge.children).toHaveLength(0);
  });

  it.each([
    ['connected', 'Conectada'],
    ['authorization_required', 'Se requiere autorización'],
    ['backfilling', 'Recuperando datos'],
    ['error', 'Error'],
    ['reauthorizing', 'Reconectando'],
  ] as const)('shows %s in Spanish', (status, words) => {
    const { container } = render(<StatusBadge status={status} messages={es} />);
    expect(container.firstElementChild).toHaveTextContent(new RegExp(`^${words}$`));
  });

  it('has no accessibility violations', async () => {
    vi.useRealTimers();
    render(
      <div>
        <StatusBadge status="connected" />
        <StatusBadge status="authorization_required" since="2026-03-07T08:00:00Z" />
        <StatusBadge status="error" />
      </div>,
    );
    await expectNoAxeViolations();
  });
});

describe('given a product team styling it', () => {
  it('merges className, passes DOM props and the ref through', () => {
    const ref = React.createRef<HTMLSpanElement>();
    render(<StatusBadge ref={ref} status="connected" className="mine" id="badge" title="Status" data-testid="badge" />);
    const badge = screen.getByTestId('badge');
    expect(ref.current).toBe(badge);
    expect(badge).toHaveClass('rca-status-badge', 'mine');
    expect(badge).toHaveAttribute('id', 'badge');
    expect(badge).toHaveAttribute('title', 'Status');
  });

  it('leaves out a duration under a minute, or a date that does not parse, rather than inventing one', () => {
    const { container, rerender } = render(<StatusBadge status="error" since={new Date(NOW - 30_000).toISOString()} />);
    expect(container.firstElementChild!.textContent).toBe('Error');
    rerender(<StatusBadge status="error" since="last Tuesday-ish" />);
    expect(container.firstElementChild!.textContent).toBe('Error');
  });

  it('keeps data-status in step with the status it was given', () => {
    render(<StatusBadge status="connected" data-testid="badge" {...{ 'data-status': 'error' }} />);
    expect(screen.getByTestId('badge')).toHaveAttribute('data-status', 'connected');
  });
});
