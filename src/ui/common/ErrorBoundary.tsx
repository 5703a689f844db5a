import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18next } from '../i18n';

interface Props {
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Keeps one failing panel from blanking the page: shows the error and a Retry button instead. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid={`error-${this.props.name}`}>
        <p>{i18next.t('app.panelFailed', { message: error.message })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {i18next.t('app.retry')}
        </button>
      </div>
    );
  }
}
