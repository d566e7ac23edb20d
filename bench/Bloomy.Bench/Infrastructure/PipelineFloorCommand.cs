using System.Management.Automation;

namespace Bloomy.Bench.Infrastructure;

/// <summary>
/// Measure-BenchPipelineFloor: a binary cmdlet that takes ids from the pipeline and does nothing with them: what the
/// engine alone charges per piped object (binding, validation, the ProcessRecord call), the floor under any cmdlet.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "BenchPipelineFloor")]
[OutputType(typeof(long))]
public sealed class PipelineFloorCommand : PSCmdlet
{
    /// <summary>The ids, bound like Get-BloomyTodo -Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateRange(1, long.MaxValue)]
    public long[] Id { get; set; } = [];

    private long _count;

    /// <inheritdoc />
    protected override void ProcessRecord() => _count += Id.Length;

    /// <inheritdoc />
    protected override void EndProcessing() => WriteObject(_count);
}

/// <summary>
/// Measure-BenchPipelineFloorSets: the same no-op, declared with Get-BloomyTodo's six parameter sets (typed user and
/// meeting objects, ids by property name, ids by value), to show what the engine charges per piped object for
/// resolving a cmdlet with several pipeline-bound sets.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "BenchPipelineFloorSets", DefaultParameterSetName = "Mine")]
[OutputType(typeof(long))]
public sealed class PipelineFloorSetsCommand : PSCmdlet
{
    /// <summary>As Get-BloomyTodo -User.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByUser")]
    public Bloomy.Client.Models.User? User { get; set; }

    /// <summary>As Get-BloomyTodo -UserId.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByUserId")]
    [ValidateRange(1, long.MaxValue)]
    public long[] UserId { get; set; } = [];

    /// <summary>As Get-BloomyTodo -Meeting.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByMeeting")]
    public Bloomy.Client.Models.Meeting? Meeting { get; set; }

    /// <summary>As Get-BloomyTodo -MeetingId.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByMeetingId")]
    [ValidateRange(1, long.MaxValue)]
    public long[] MeetingId { get; set; } = [];

    /// <summary>As Get-BloomyTodo -Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "ById")]
    [ValidateRange(1, long.MaxValue)]
    public long[] Id { get; set; } = [];

    /// <summary>As Get-BloomyTodo -IncludeClosed.</summary>
    [Parameter(ParameterSetName = "Mine")]
    [Parameter(ParameterSetName = "ByUser")]
    [Parameter(ParameterSetName = "ByUserId")]
    [Parameter(ParameterSetName = "ByMeeting")]
    [Parameter(ParameterSetName = "ByMeetingId")]
    public SwitchParameter IncludeClosed { get; set; }

    private long _count;

    /// <inheritdoc />
    protected override void ProcessRecord() => _count += Id.Length;

    /// <inheritdoc />
    protected override void EndProcessing() => WriteObject(_count);
}
