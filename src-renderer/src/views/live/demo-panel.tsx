import { useState, type FormEvent } from 'react';
import { demoScenarioNames, type DemoRequest, type LiveListener, type LiveStatus } from '../../../../src-shared/api';
import { ProgressBar } from '../../components/progress-bar';
import { formatCount } from '../../format';

/**
 * The trainer demo: normal traffic of the demo population and then named attacks, played into one of the
 * syslog listeners so the room watches detection, notification and lockout happen.
 */
export function DemoPanel({ status, busy, onStart, onStop }: { status: LiveStatus; busy: boolean; onStart(request: DemoRequest): void; onStop(): void }) {
  const syslog = status.listeners.filter((listener: LiveListener) => listener.kind !== 'file-tail');
  const [scenario, setScenario] = useState<DemoRequest['scenario']>('all');
  const [speed, setSpeed] = useState(10);
  const [listenerId, setListenerId] = useState<number | null>(null);
  const target = syslog.find((listener) => listener.id === listenerId) ?? syslog[0];
  const demo = status.demo;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (target) onStart({ scenario, speed, listenerId: target.id });
  };
  return (
    <>
      <p className="muted small">
        The demo plays the population of <code>vigil demo --prepare</code> (200 users, 30 days, seed 1): import that history and train first, so each user's habits are known.
      </p>
      <form className="import-form" onSubmit={submit} aria-label="Trainer demo">
        <div className="form-row">
          <label className="field">
            <span>Scenario</span>
            <select value={scenario} onChange={(event) => setScenario(event.target.value as DemoRequest['scenario'])}>
              <option value="all">all, one after another</option>
              {demoScenarioNames.map((name) => (
                <option key={name} value={name}>
                  {name.replace(/-/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-narrow">
            <span>Speed (× real time)</span>
            <input type="number" min={0.1} max={1000} step="any" value={speed} onChange={(event) => setSpeed(Number(event.target.value))} />
          </label>
          <label className="field">
            <span>Into listener</span>
            <select value={target?.id ?? ''} onChange={(event) => setListenerId(Number(event.target.value))} disabled={syslog.length === 0}>
              {syslog.map((listener) => (
                <option key={listener.id} value={listener.id}>
                  #{listener.id} {listener.address} ({listener.kind === 'syslog-udp' ? 'UDP' : 'TCP'})
                </option>
              ))}
            </select>
          </label>
          {demo?.running ? (
            <button type="button" className="button-secondary" onClick={onStop}>
              Stop demo
            </button>
          ) : (
            <button type="submit" className="button-primary" disabled={busy || !target}>
              Play demo
            </button>
          )}
        </div>
      </form>
      {syslog.length === 0 && <p className="notice">Start a syslog listener (UDP or TCP) first: the demo sends to it like any other log source.</p>}
      {demo && (
        <div className="demo-progress" role="status" aria-label="Demo progress">
          <p>
            <strong>{demo.running ? `Playing: ${demo.phase}` : demo.error ? `Demo stopped: ${demo.error}` : 'Demo finished'}</strong>
            {demo.running && demo.expect && <> — {demo.expect}</>}
          </p>
          <ProgressBar fraction={demo.total > 0 ? demo.sent / demo.total : null} label="Demo messages sent" />
          <p className="muted small">
            {formatCount(demo.sent)} of {formatCount(demo.total)} messages sent
          </p>
        </div>
      )}
    </>
  );
}
