using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the cmdlets whose pipeline input is a row of properties (a CSV row, a pscustomobject): it keeps the row
/// itself, so that a cell PowerShell could not convert is reported instead of silently left out.
/// </summary>
public abstract class BloomyRowCmdlet : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a DueDate that is not a date, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// Writes an error record for the current row, and returns true, when one of the optional
    /// <paramref name="parameterNames"/> has a cell in the row that did not bind; the row must then be skipped.
    /// </summary>
    protected bool RejectUnusableCells(params string[] parameterNames)
    {
        if (UnboundColumn(InputObject, parameterNames) is not { } unusable) return false;
        // Through the bridge, so the row's error comes after the rows before it (input order).
        QueueFailure(unusable.TargetObject, "Input row", unusable.Exception);
        return true;
    }

    /// <summary>
    /// The error for the first of <paramref name="parameterNames"/> that <paramref name="row"/> has a value for but
    /// that stayed unbound because the value does not convert (a DueDate of 'tomorrowish', a MeetingId of 'abc').
    /// PowerShell skips such an optional by-property-name parameter without a word, which would create the
    /// item without it; null when every such value was bound.
    /// </summary>
    private ErrorRecord? UnboundColumn(PSObject? row, string[] parameterNames)
    {
        if (row is null) return null;
        foreach (var name in parameterNames)
        {
            if (GetType().GetProperty(name)?.GetValue(this) is not (null or Array { Length: 0 } or UnusableCell.IdPlaceholder)) continue;
            var parameter = MyInvocation.MyCommand.Parameters[name];
            foreach (var column in new[] { name }.Concat(parameter.Aliases))
            {
                var value = row.Properties[column]?.Value;
                if (value is null || (value is string text && text.Trim().Length == 0)) continue;
                var exception = new PSArgumentException(
                    $"{column} '{value}' cannot be used: it is not a valid {Describe(parameter.ParameterType)}; nothing was sent for this row.", name);
                return new ErrorRecord(exception, "Bloomy.Validation", ErrorCategory.InvalidArgument, row)
                {
                    ErrorDetails = new ErrorDetails($"Input row: {column} '{value}' is not a valid {Describe(parameter.ParameterType)}; nothing was sent for this row."),
                };
            }
        }
        return null;
    }

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateTime) => "date",
        var t when t == typeof(long) => "id (a positive whole number)",
        var t when t == typeof(int) => "whole number",
        var t => t.Name,
    };

}
