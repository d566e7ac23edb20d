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
