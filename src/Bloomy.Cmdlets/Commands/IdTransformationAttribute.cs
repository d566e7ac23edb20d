using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Makes an id parameter take whole numbers only. PowerShell would round a double (<c>-Id 50001.5</c> targets
/// 50002) and read strings such as '900002.5', '0xC351' or '1.002e3' as other ids; this sees the raw value first
/// and refuses anything that is not a whole number written in decimal digits, so the error (which the engine
/// prefixes with the parameter's name) comes before any request. A blank string (an empty CSV cell) means
/// "not given" and becomes null. Values of other types are left to the engine's own conversion.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class IdTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        try
        {
            return TransformCore(inputData);
        }
        catch (ArgumentTransformationMetadataException ex) when (ReportedByRow && PipelineBridge.IsBindingPipelineInput())
        {
            // PowerShell would write this error at once, ahead of the rows before it still in flight: leave the
            // parameter unbound instead, and the row cmdlet reports the cell in input order.
            return Required ? UnusableCell.IdPlaceholder : new UnusableCell(inputData, ex.Message);
        }
    }

    /// <summary>
    /// With <see cref="ReportedByRow"/>, on a mandatory id: left unbound the row would get the engine's own "missing
    /// mandatory parameter" error, out of order, so it gets <see cref="UnusableCell.IdPlaceholder"/>, which the row
    /// cmdlet recognises and reports.
    /// </summary>
    public bool Required { get; set; }

    /// <summary>Set on id-list parameters (long[]): a blank string is then an empty list rather than null.</summary>
    public bool IsList { get; set; }

    /// <summary>
    /// Set on the optional by-property-name parameters of row cmdlets (<see cref="UnusableCells"/>), which report an
    /// unusable cell for its row themselves, in input order.
    /// </summary>
    public bool ReportedByRow { get; set; }

    private object? TransformCore(object? inputData)
    {
        var value = Unwrap(inputData);
        if (IsList && value is string text && string.IsNullOrWhiteSpace(text)) return Array.Empty<long>();
        if (value is string or null || !(value is IEnumerable items)) return ToId(value, inputData);

        var ids = new List<long>();
        foreach (var item in items)
        {
            if (ToId(Unwrap(item), item) is not long id)
            {
                // A non-numeric element (such as an object): let the engine's conversion decide about the list.
                return inputData;
            }
            ids.Add(id);
        }
        return ids.ToArray();
    }

    /// <summary>The id <paramref name="value"/> stands for, null for a blank string, or <paramref name="original"/> when it is no number at all.</summary>
    internal static object? ToId(object? value, object? original)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return ParseId(text);
            case long or int or short or sbyte or byte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong big:
                return big <= long.MaxValue ? (long)big : throw NotAnId(value);
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return Math.Floor(real) == real && Math.Abs(real) < 9.2e18 ? (long)real : throw NotAnId(value);
            case decimal exact:
                return decimal.Truncate(exact) == exact && Math.Abs(exact) <= long.MaxValue ? (long)exact : throw NotAnId(value);
            default:
                return original;
        }
    }

    private static object? ParseId(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        var digits = trimmed.StartsWith("-", StringComparison.Ordinal) ? trimmed.Substring(1) : trimmed;
        if (digits.Length == 0 || !digits.All(c => c is >= '0' and <= '9')) throw NotAnId(text);
        return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw NotAnId(text);
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static ArgumentTransformationMetadataException NotAnId(object value) =>
        new($"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not an id: an id is a whole number written in decimal digits, such as 5001.");
}
