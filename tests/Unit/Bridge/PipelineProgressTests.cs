using System.Management.Automation;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Tests.Bridge;

/// <summary>When a bridge's run reports progress and what it says, on a clock the test moves.</summary>
public sealed class PipelineProgressTests
{
    private TimeSpan _now;

    private PipelineProgress Progress(TimeSpan? delay = null) => new("Test-Progress", delay, () => _now);

    [Fact]
    public void A_run_shorter_than_the_delay_reports_nothing_not_even_a_closing_record()
    {
        var progress = Progress();
        _now = PipelineProgress.DefaultDelay - TimeSpan.FromMilliseconds(1);

        Assert.Null(progress.Next(3, 1, 0));
        Assert.Null(progress.Completed(4, 0));
    }

    [Fact]
    public void A_long_run_reports_at_most_once_per_interval_then_closes_with_the_totals()
    {
        var progress = Progress(TimeSpan.FromSeconds(1));
        _now = TimeSpan.FromSeconds(1);

        var first = Assert.IsType<ProgressRecord>(progress.Next(2, 3, 1));
        Assert.Equal("Test-Progress", first.Activity);
        Assert.Equal("2 done, 3 in flight, 1 failed", first.StatusDescription);
        Assert.Equal(ProgressRecordType.Processing, first.RecordType);

        _now += PipelineProgress.Interval - TimeSpan.FromMilliseconds(1);
        Assert.Null(progress.Next(3, 3, 1));
        _now += TimeSpan.FromMilliseconds(1);
        Assert.NotNull(progress.Next(3, 3, 1));

        var last = Assert.IsType<ProgressRecord>(progress.Completed(9, 1));
        Assert.Equal("9 done, 1 failed", last.StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
        Assert.Equal(first.ActivityId, last.ActivityId);
    }
}
