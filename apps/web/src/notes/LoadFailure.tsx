import { Component, type ReactNode } from 'react';
import { i18n } from '../app/i18n.ts';
import { Message } from '../components/Message.tsx';

/**
 * The editor is loaded on demand. If that load fails (offline, or a new version of
 * Brave Space was installed since this page opened), say so and offer a reload
 * instead of leaving an empty screen.
 */
export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Message title={i18n.t('notes:loadFailure.title')}>
        <p>{i18n.t('notes:loadFailure.body')}</p>
        <p>
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            {i18n.t('notes:loadFailure.reload')}
          </button>
        </p>
      </Message>
    );
  }
}
