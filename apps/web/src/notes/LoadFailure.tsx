import { Component, type ReactNode } from 'react';
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
      <Message title="The editor did not load">
        <p>This can happen when the connection drops or Brave Space was just updated. Your notes are safe on the server.</p>
        <p>
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </Message>
    );
  }
}
