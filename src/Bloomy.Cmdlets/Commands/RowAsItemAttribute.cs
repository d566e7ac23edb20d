using System.Globalization;
using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Lets a row that Bloomy exported come back as the item it describes, so that
/// <c>Get-BloomyTodo | Export-Csv t.csv; Import-Csv t.csv | Complete-BloomyTodo</c> works. PowerShell would build the
/// item from the row itself, but fails the whole row on any blank cell (an open to-do's CompleteTime) and reads ids
/// and dates its own way. Here a blank cell means "not given", ids and dates are read as the parameters read them
/// (<see cref="IdTransformationAttribute"/>, <see cref="DateTransformationAttribute"/>), and a cell that cannot be
/// used is refused naming its column and value. Only rows (PSCustomObject) are rebuilt, and only when they have an
/// Id; typed objects (a user, a meeting) are left as they are, so they still never bind as another kind of item.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RowAsItemAttribute(Type itemType) : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is not PSObject { BaseObject: PSCustomObject } row || IsBlank(row.Properties["Id"]?.Value)) return inputData;

        var item = Activator.CreateInstance(itemType)!;
        foreach (var property in itemType.GetProperties())
        {
            // A CSV cell holds text: only scalar properties come back from it (a list was exported as its type name).
            if (!property.CanWrite || !IsScalar(property.PropertyType)) continue;
            var cell = row.Properties[property.Name]?.Value;
            if (IsBlank(cell)) continue;
            property.SetValue(item, Convert(property.Name, cell!, property.PropertyType));
        }
        return item;
    }

    private static object? Convert(string column, object cell, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var raw = cell is PSObject wrapped ? wrapped.BaseObject : cell;
        try
        {
            if (target == typeof(long) && column.EndsWith("Id", StringComparison.Ordinal)) return IdTransformationAttribute.ToId(raw, raw);
            if (target == typeof(DateTime) && raw is string text) return DateTransformationAttribute.Parse(text);
            return LanguagePrimitives.ConvertTo(raw, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is ArgumentTransformationMetadataException or PSInvalidCastException or InvalidCastException or FormatException)
        {
            throw new ArgumentTransformationMetadataException($"{column} '{raw}' cannot be used: {ex.Message}", ex);
        }
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset);
    }

    private static bool IsBlank(object? cell) =>
        cell is null || (cell is PSObject { BaseObject: var b } ? b : cell) is string text && string.IsNullOrWhiteSpace(text);
}
