using System.Diagnostics;
using System.Management.Automation;

namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// Decides when a bridge's run reports progress and what it says: nothing for runs shorter than the delay, then at
/// most one record per <see cref="Interval"/>, and a closing record only when progress was shown.
/// </summary>
internal sealed class PipelineProgress
{
    /// <summary>Runs shorter than this stay silent; longer ones report progress.</summary>
    internal static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);

    /// <summary>The least time between two progress records, so a fast run does not flood the host.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _activity;
    private readonly int _id;
    private readonly TimeSpan _delay;
    private readonly Func<TimeSpan> _elapsed;
    private TimeSpan? _last;
    private bool _shown;

    /// <param name="activity">The cmdlet name, shown as the activity.</param>
    /// <param name="delay">How long a run goes before it reports progress; <see cref="DefaultDelay"/> when null.</param>
    /// <param name="elapsed">The run's elapsed time; a stopwatch started now when null.</param>
    public PipelineProgress(string activity, TimeSpan? delay = null, Func<TimeSpan>? elapsed = null)
    {
        _activity = activity;
        _id = Math.Abs(activity.GetHashCode() % 1000) + 1;
        _delay = delay ?? DefaultDelay;
        if (elapsed is null)
        {
            var watch = Stopwatch.StartNew();
            elapsed = () => watch.Elapsed;
        }
        _elapsed = elapsed;
    }

    /// <summary>The record to write now, or null when the run is still short or the last record is too recent.</summary>
    public ProgressRecord? Next(int done, int inFlight, int failed)
    {
        var now = _elapsed();
        if (now < _delay || now - _last < Interval) return null;
        _last = now;
        _shown = true;
        return new ProgressRecord(_id, _activity, $"{done} done, {inFlight} in flight, {failed} failed");
    }

    /// <summary>The record that closes the progress bar, or null when none was shown.</summary>
    public ProgressRecord? Completed(int done, int failed) =>
        _shown
            ? new ProgressRecord(_id, _activity, $"{done} done, {failed} failed") { RecordType = ProgressRecordType.Completed }
            : null;
}
