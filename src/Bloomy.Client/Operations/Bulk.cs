using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>
/// Runs one operation per input item behind a <see cref="SemaphoreSlim"/>: per-item failures (validation
/// included) are collected, successes and failures keep input order, an empty input sends nothing.
/// Cancellation of the caller's token cancels the whole batch (it is not recorded as item failures).
/// </summary>
internal static class Bulk
{
    public const int MaxConcurrentLimit = 64;

    /// <summary>Validates the arguments synchronously and materialises the input.</summary>
    public static List<TInput> Prepare<TInput>(IEnumerable<TInput> items, int maxConcurrent, string itemsParamName)
    {
        if (items is null)
        {
            throw new ArgumentNullException(itemsParamName);
        }

        if (maxConcurrent < 1 || maxConcurrent > MaxConcurrentLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrent), maxConcurrent,
                $"maxConcurrent must be between 1 and {MaxConcurrentLimit}.");
        }

        return items.ToList();
    }

    public static async Task<BulkResult<TResult>> RunAsync<TInput, TResult>(
        List<TInput> items,
        int maxConcurrent,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return new BulkResult<TResult>();
        }

        using var gate = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        var outcomes = new Task<Outcome<TResult>>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            outcomes[i] = RunOneAsync(items[i], gate, operation, cancellationToken);
        }

        await Task.WhenAll(outcomes).ConfigureAwait(false);

        var successful = new List<TResult>();
        var failed = new List<BulkFailure>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i].Result;
            if (outcome.Error is null)
            {
                successful.Add(outcome.Value!);
            }
            else
            {
                failed.Add(new BulkFailure
                {
                    Index = i,
                    Input = (object?)items[i] ?? "(null)",
                    Error = outcome.Error,
                    Message = outcome.Error.Message,
                });
            }
        }

        return new BulkResult<TResult> { Successful = successful, Failed = failed };
    }

    private static async Task<Outcome<TResult>> RunOneAsync<TInput, TResult>(
        TInput item,
        SemaphoreSlim gate,
        Func<TInput, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The operation validates inside this try, so its ArgumentExceptions become item failures.
            var value = await operation(item, cancellationToken).ConfigureAwait(false);
            return new Outcome<TResult>(value, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new Outcome<TResult>(default, ex);
        }
        finally
        {
            gate.Release();
        }
    }

    private readonly struct Outcome<T>
    {
        public Outcome(T? value, Exception? error)
        {
            Value = value;
            Error = error;
        }

        public T? Value { get; }

        public Exception? Error { get; }
    }
}
