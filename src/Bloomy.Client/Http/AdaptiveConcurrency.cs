namespace Bloomy.Client.Http;

// The connection-wide limit on requests in flight, which adapts to the server's rate limit (AIMD, as TCP
// does for its congestion window): it starts at the configured cap, halves when the server answers 429
// (never below 1), and grows back by one request per window of successes (never above the cap). Without
// this, every request that waited out a 429 pause went at once when the pause ended and most were refused
// again.
//
// A burst of requests sent together and refused together is one signal, not many: each admitted request
// carries the window's epoch, and only a 429 for a request admitted in the current epoch shrinks the window.
internal sealed class AdaptiveConcurrency
{
    private readonly object _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly int _cap;
    private double _window;
    private int _inFlight;
    private long _epoch;

    // The admission result of the current epoch, so the uncontended path allocates nothing.
    private Task<long> _admitted = Task.FromResult(0L);

    public AdaptiveConcurrency(int cap)
    {
        if (cap < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cap));
        }
        _cap = cap;
        _window = cap;
    }

    /// <summary>How many requests may be in flight now (1..cap).</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return CurrentLimit();
            }
        }
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Waits for a slot; returns the epoch the request was admitted in (for <see cref="OnRateLimited"/>).</summary>
    public Task<long> EnterAsync(CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(ct);
        }
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _inFlight < CurrentLimit())
            {
                _inFlight++;
                return _admitted;
            }
            waiter = new Waiter();
            _waiters.Enqueue(waiter);
            // Waiters cancelled while queued may be all that stands ahead of this one.
            Pump();
        }
        if (ct.CanBeCanceled)
        {
            waiter.Registration = ct.Register(static w => ((Waiter)w!).Completion.TrySetCanceled(), waiter);
        }
        return waiter.Completion.Task;
    }

    /// <summary>Gives the slot back.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            _inFlight--;
            Pump();
        }
    }

    /// <summary>An answer that was not a 429: additive increase, one request per window of successes.</summary>
    public void OnSuccess()
    {
        // At the cap (the usual case without 429s) there is nothing to grow: no lock.
        if (Volatile.Read(ref _window) >= _cap)
        {
            return;
        }
        lock (_lock)
        {
            if (_window >= _cap)
            {
                return;
            }
            var before = CurrentLimit();
            Volatile.Write(ref _window, Math.Min(_cap, _window + (1.0 / _window)));
            if (CurrentLimit() > before)
            {
                Pump();
            }
        }
    }

    /// <summary>A 429 for a request admitted in <paramref name="admittedEpoch"/>: multiplicative decrease, once per burst.</summary>
    public void OnRateLimited(long admittedEpoch)
    {
        lock (_lock)
        {
            if (admittedEpoch != _epoch)
            {
                return;
            }
            _epoch++;
            _admitted = Task.FromResult(_epoch);
            Volatile.Write(ref _window, Math.Max(1, Math.Floor(_window / 2)));
        }
    }

    private int CurrentLimit() => Math.Max(1, Math.Min(_cap, (int)_window));

    private void Pump()
    {
        var limit = CurrentLimit();
        while (_inFlight < limit && _waiters.Count > 0)
        {
            var next = _waiters.Dequeue();
            next.Registration.Dispose();
            // A waiter cancelled while queued takes no slot.
            if (next.Completion.TrySetResult(_epoch))
            {
                _inFlight++;
            }
        }
    }

    private sealed class Waiter
    {
        // Continuations run elsewhere, never under the lock.
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Registration;
    }
}
