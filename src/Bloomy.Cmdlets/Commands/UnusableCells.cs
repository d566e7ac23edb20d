using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Finds the cells of a pipeline row (a CSV row, a pscustomobject) that PowerShell could not convert for an optional
/// by-property-name parameter: it skips such a parameter without a word, which would create the item without it.
/// Every cmdlet that takes rows keeps the row in a hidden <c>InputObject</c> parameter and calls
/// <see cref="BloomyPipelineCmdlet.RejectUnusableCells"/> first (a convention test checks the parameter).
/// </summary>
internal static class UnusableCells
{
    /// <summary>
    /// The error for the first of <paramref name="parameterNames"/> that <paramref name="row"/> has a value for but
    /// that stayed unbound because the value does not convert (a DueDate of 'tomorrowish', a MeetingId of 'abc');
    /// null when every such value was bound.
    /// </summary>
    public static ErrorRecord? Find(PSCmdlet cmdlet, PSObject? row, string[] parameterNames)
    {
        if (row is null) return null;
        foreach (var name in parameterNames)
        {
            if (cmdlet.GetType().GetProperty(name)?.GetValue(cmdlet) is not (null or Array { Length: 0 } or UnusableCell.IdPlaceholder)) continue;
            var parameter = cmdlet.MyInvocation.MyCommand.Parameters[name];
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
