namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// A list fetched on first use and kept for a short while, so tab completion does not ask the API on every
/// key press yet soon sees new meetings and users. A failed fetch is not kept.
/// </summary>
internal sealed class ExpiringCache<T>
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<T>>> _fetch;
    private readonly TimeSpan _lifetime;
    private readonly Func<DateTime> _clock;
    private readonly object _gate = new();
    private Task<IReadOnlyList<T>>? _current;
    private DateTime _fetchedAt;

    public ExpiringCache(Func<CancellationToken, Task<IReadOnlyList<T>>> fetch, TimeSpan lifetime, Func<DateTime>? clock = null)
    {
        _fetch = fetch;
        _lifetime = lifetime;
        _clock = clock ?? (() => DateTime.UtcNow);
    }

    public Task<IReadOnlyList<T>> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _clock();
            if (_current is null || _current.IsFaulted || _current.IsCanceled || now - _fetchedAt > _lifetime)
            {
                // Not tied to one caller's token: a completion that gives up must not spoil the list for the next.
                _current = _fetch(CancellationToken.None);
                _fetchedAt = now;
            }
            return WaitAsync(_current, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<T>> WaitAsync(Task<IReadOnlyList<T>> task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        return await task.ConfigureAwait(false);
    }
}
