using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Lets an optional parameter bound by property name take an empty CSV cell as "not given": Import-Csv
/// writes "" for an empty column, which PowerShell would otherwise turn into 0 for a number. Such a
/// parameter cannot carry ValidateRange (it rejects the null), so the client's own check of the value
/// reports a bad one, still before any request.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class EmptyCellAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
    }
}
